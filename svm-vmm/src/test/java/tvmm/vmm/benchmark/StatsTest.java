package tvmm.vmm.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void oddCountTakesTheMiddleValue() {
        Stats s = Stats.of(List.of(5.0, 1.0, 3.0));
        assertEquals(new Stats(3, 1.0, 3.0, 5.0), s);
    }

    @Test
    void evenCountAveragesTheMiddleTwo() {
        assertEquals(2.5, Stats.of(List.of(4.0, 1.0, 2.0, 3.0)).median());
        assertEquals(7.0, Stats.of(List.of(7.0)).median());
    }

    @Test
    void noValuesIsNotAStatistic() {
        assertThrows(IllegalArgumentException.class, () -> Stats.of(List.of()));
    }
}

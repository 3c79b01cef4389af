package tvmm.vmm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark's guest runs to its end and every round trip is an exit of the kind asked for. */
class WorldSwitchTest {
    @Test
    void vmmcallLoopExitsOncePerIteration() throws Exception {
        WorldSwitch.Result r = WorldSwitch.run(WorldSwitch.Kind.VMMCALL, 3, 2000);
        assertEquals(3, r.rounds().size());
        // Every iteration plus the four MARK calls, each one VMMCALL exit.
        assertEquals(3 * 2000 + 4, r.vmmcallExits());
        assertTrue(r.medianNs() > 0);
    }

    @Test
    void mmioLoopTakesNestedPageFaults() throws Exception {
        WorldSwitch.Result r = WorldSwitch.run(WorldSwitch.Kind.NPF, 2, 1000);
        assertEquals(2 * 1000, r.npfExits());
    }
}

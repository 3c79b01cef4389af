package tvmm.vmm.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class E820TableTest {

    @Test
    void pcMapOfHalfAGigabyte() throws Exception {
        long ram = 512 * BootLayout.MiB;
        assertEquals(List.of(
                new E820Table.Entry(0, 0x9FC00, E820Table.TYPE_RAM),
                new E820Table.Entry(0x9FC00, 0x400, E820Table.TYPE_RESERVED),
                new E820Table.Entry(0xE0000, 0x20000, E820Table.TYPE_RESERVED),
                new E820Table.Entry(0x100000, ram - 0x100000, E820Table.TYPE_RAM)),
                E820Table.forPc(ram).entries());
    }

    @Test
    void ramBeyondTheHoleContinuesAtFourGiB() throws Exception {
        long ram = 6 * BootLayout.GiB;
        List<E820Table.Entry> e = E820Table.forPc(ram).entries();
        assertEquals(new E820Table.Entry(0x100000, BootLayout.MMIO_HOLE_START - 0x100000, E820Table.TYPE_RAM), e.get(3));
        assertEquals(new E820Table.Entry(4 * BootLayout.GiB, ram - BootLayout.MMIO_HOLE_START, E820Table.TYPE_RAM), e.get(4));
        long total = e.stream().filter(x -> x.type() == E820Table.TYPE_RAM).mapToLong(E820Table.Entry::size).sum();
        assertEquals(ram - (0x100000 - 0x9FC00), total, "all RAM but the legacy area below 1 MiB is usable");
        // The map and the VMM's RAM ranges come from one definition.
        assertEquals(BootLayout.ramRanges(ram).get(1).size(), e.get(4).size());
    }

    @Test
    void fullTableFailsInsteadOfOverflowing() throws Exception {
        E820Table t = new E820Table();
        for (int i = 0; i < E820Table.MAX_ENTRIES; i++) {
            t.add(i * 0x2000L, 0x1000, E820Table.TYPE_RAM);
        }
        BootException e = assertThrows(BootException.class, () -> t.add(1L << 40, 0x1000, E820Table.TYPE_RAM));
        assertTrue(e.getMessage().contains("128"), e.getMessage());
        assertEquals(E820Table.MAX_ENTRIES, t.entries().size());
        // And it is what fits in boot_params: 0x2D0 + 128 * 20 stays below the EDD buffer at 0xD00.
        assertTrue(ZeroPage.E820_TABLE + E820Table.MAX_ENTRIES * E820Table.ENTRY_SIZE <= 0xD00);
    }

    @Test
    void overlapsAndEmptyRangesAreRefused() throws Exception {
        E820Table t = new E820Table().add(0x1000, 0x1000, E820Table.TYPE_RAM);
        assertThrows(BootException.class, () -> t.add(0x1800, 0x1000, E820Table.TYPE_RESERVED));
        assertThrows(BootException.class, () -> t.add(0x5000, 0, E820Table.TYPE_RAM));
        assertThrows(BootException.class, () -> E820Table.forPc(1 << 20));
        t.add(0x0, 0x1000, E820Table.TYPE_RESERVED);
        assertEquals(0, t.entries().get(0).address(), "kept sorted");
    }

    @Test
    void ramQueries() throws Exception {
        E820Table t = E820Table.forPc(64 * BootLayout.MiB);
        assertTrue(t.isRam(0x100000, 0x1000));
        assertTrue(!t.isRam(0xE0000, 0x10), "ACPI region is reserved");
        assertTrue(!t.isRam(64 * BootLayout.MiB - 8, 16), "crosses the end of RAM");
        assertEquals(64 * BootLayout.MiB, t.ramEndFrom(BootLayout.HIGH_MEMORY));
        assertEquals(0x9FC00, t.ramEndFrom(0));
    }
}

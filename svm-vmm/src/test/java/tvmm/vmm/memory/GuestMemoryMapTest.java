package tvmm.vmm.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tvmm.cpu.mem.PhysicalMemory;
import tvmm.devices.bus.IoDevice;

/** The nested map: RAM, ROM, holes and MMIO windows, and the generation that tells vCPUs to flush. */
class GuestMemoryMapTest {
    static final class Register implements IoDevice {
        long value;
        long lastOffset = -1;

        @Override
        public long read(long offset, int size) {
            lastOffset = offset;
            return value;
        }

        @Override
        public void write(long offset, int size, long v) {
            lastOffset = offset;
            value = v;
        }

        @Override
        public String name() {
            return "reg";
        }
    }

    @Test
    void everyChangeBumpsTheGeneration() {
        try (GuestMemoryMap map = new GuestMemoryMap(1 << 20)) {
            long g0 = map.generation();
            map.addRom(0xF0000, 0x10000, "bios");
            map.addHole(0xA0000, 0x20000, "vga");
            map.addMmio(0xFEB00000L, 0x1000, new Register());
            assertEquals(g0 + 3, map.generation());
            assertEquals(4, map.regions().size(), map.regions().toString());
        }
    }

    @Test
    void pageKindsFollowTheMap() {
        try (GuestMemoryMap map = new GuestMemoryMap(1 << 20)) {
            map.addRom(0xF0000, 0x10000, "bios");
            map.addMmio(0x80000, 0x1000, new Register());
            PhysicalMemory ram = map.ram();
            assertTrue((ram.flags(0xF0123) & PhysicalMemory.ROM) != 0);
            assertTrue((ram.flags(0x80000) & PhysicalMemory.MMIO) != 0, "an MMIO window inside RAM is a hole");
            assertEquals(0, ram.flags(0x81000), "the next page is plain RAM");
            assertTrue((ram.flags(0x100000) & PhysicalMemory.MMIO) != 0, "above RAM everything exits");
        }
    }

    @Test
    void npfAccessesReachTheDeviceAtItsOffset() {
        try (GuestMemoryMap map = new GuestMemoryMap(1 << 20)) {
            Register r = new Register();
            map.addMmio(0xFEB00000L, 0x1000, r);
            map.mmioWrite(0xFEB00010L, 4, 0x1234);
            assertEquals(0x10, r.lastOffset);
            assertEquals(0x1234, map.mmioRead(0xFEB00010L, 4));
            assertEquals(0xFF, map.mmioRead(0xFEC00000L, 1), "an empty bus floats high");
        }
    }

    @Test
    void loaderWritesGoToRamEvenIntoRomAndNeverOutside() {
        try (GuestMemoryMap map = new GuestMemoryMap(1 << 20)) {
            map.addRom(0xF0000, 0x10000, "bios");
            map.write(0xF0000, new byte[] {1, 2, 3});
            assertEquals(2, map.read(0xF0001, 1)[0]);
            assertThrows(IllegalArgumentException.class, () -> map.write((1 << 20) - 1, new byte[2]));
            assertThrows(IllegalArgumentException.class, () -> map.addHole(0x80010, 0x1000, "unaligned"));
        }
    }
}

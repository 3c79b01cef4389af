package tvmm.devices.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IoBusTest {
    /** A device of byte registers that records what it saw. */
    static final class Regs implements IoDevice {
        final byte[] bytes;
        final List<String> log = new ArrayList<>();

        Regs(int n) {
            bytes = new byte[n];
        }

        @Override
        public long read(long offset, int size) {
            log.add("r" + offset + ":" + size);
            long v = 0;
            for (int i = 0; i < size; i++) {
                v |= (bytes[(int) offset + i] & 0xFFL) << (8 * i);
            }
            return v;
        }

        @Override
        public void write(long offset, int size, long value) {
            log.add("w" + offset + ":" + size);
            for (int i = 0; i < size; i++) {
                bytes[(int) offset + i] = (byte) (value >>> (8 * i));
            }
        }

        @Override
        public String name() {
            return "regs";
        }
    }

    @Test
    void deviceSeesOffsetsNotItsBase() {
        IoBus bus = IoBus.portBus();
        Regs d = new Regs(8);
        bus.register(0x3F8, 8, d);
        bus.write(0x3FB, 1, 0x83);
        assertEquals(0x83, bus.read(0x3FB, 1));
        assertEquals(List.of("w3:1", "r3:1"), d.log);
    }

    @Test
    void rejectsOverlapsEmptyAndOutOfSpaceWindows() {
        IoBus bus = IoBus.portBus();
        bus.register(0x40, 4, new Regs(4));
        assertThrows(IllegalArgumentException.class, () -> bus.register(0x43, 1, new Regs(1)));
        assertThrows(IllegalArgumentException.class, () -> bus.register(0x3F, 2, new Regs(2)));
        assertThrows(IllegalArgumentException.class, () -> bus.register(0x30, 0x100, new Regs(1)));
        assertThrows(IllegalArgumentException.class, () -> bus.register(0x50, 0, new Regs(1)));
        assertThrows(IllegalArgumentException.class, () -> bus.register(0xFFFF, 2, new Regs(2)));
        bus.register(0x44, 1, new Regs(1)); // adjacent is fine
        bus.register(0x3F, 1, new Regs(1));
        assertEquals(3, bus.ranges().length);
    }

    @Test
    void unclaimedReadsAreAllOnesAndCounted() {
        IoBus bus = IoBus.portBus();
        assertEquals(0xFF, bus.read(0x80, 1));
        assertEquals(0xFFFF, bus.read(0x80, 2));
        assertEquals(0xFFFF_FFFFL, bus.read(0x80, 4));
        bus.write(0x80, 1, 0x12);
        assertEquals(7, bus.unclaimedReads());
        assertEquals(1, bus.unclaimedWrites());
    }

    @Test
    void accessStraddlingAWindowIsSplitIntoBytes() {
        IoBus bus = IoBus.portBus();
        Regs d = new Regs(2);
        d.bytes[1] = 0x5A;
        bus.register(0x70, 2, d);
        // A word read at 0x71 covers 0x71 (device) and 0x72 (nothing).
        assertEquals(0xFF5A, bus.read(0x71, 2));
        assertEquals(List.of("r1:1"), d.log);
    }

    @Test
    void mmioBusFindsByBinarySearchAndUnregisters() {
        IoBus bus = IoBus.mmioBus();
        Regs a = new Regs(16);
        Regs b = new Regs(16);
        bus.register(0xFEC0_0000L, 0x1000, a);
        bus.register(0xFED0_0000L, 0x400, b);
        assertSame(b, bus.find(0xFED0_03FFL).device());
        assertNull(bus.find(0xFED0_0400L));
        bus.write(0xFEC0_0008L, 8, 0x1122_3344_5566_7788L);
        assertEquals(0x1122_3344_5566_7788L, bus.read(0xFEC0_0008L, 8));
        assertTrue(bus.unregister(0xFEC0_0000L));
        assertFalse(bus.unregister(0xFEC0_0000L));
        assertEquals(-1L, bus.read(0xFEC0_0008L, 8));
    }
}

package tvmm.cpu.mem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tvmm.cpu.exit.ExitPort;
import tvmm.cpu.state.CpuState;

/** The memory path: bounds, MMIO exits, ROM, page-crossing accesses and atomic updates. */
class PhysicalMemoryTest {
    static final class Recorder implements ExitPort {
        final List<String> log = new ArrayList<>();

        @Override
        public long ioIn(int port, int size) {
            return 0;
        }

        @Override
        public void ioOut(int port, int size, long value) {
        }

        @Override
        public long mmioRead(long gpa, int size) {
            log.add("r " + Long.toHexString(gpa) + " " + size);
            return 0x1122334455667788L;
        }

        @Override
        public void mmioWrite(long gpa, int size, long value) {
            log.add("w " + Long.toHexString(gpa) + " " + size + " " + Long.toHexString(value));
        }
    }

    @Test
    void addressesBeyondRamAndHolesLeaveAsExits() {
        Recorder exits = new Recorder();
        try (PhysicalMemory phys = new PhysicalMemory(0x4000)) {
            CpuState s = new CpuState();
            MemoryAccess mem = new MemoryAccess(s, phys, exits);
            phys.setPageKind(0x2000, PhysicalMemory.MMIO);
            assertEquals(0x55667788L, mem.read(0x2000, 4));
            mem.write(0x5000, 2, 0xabcd);
            mem.write(0xffff_ffff_ffff_fff0L, 8, 1); // far beyond RAM: an exit, never a Java exception
            assertEquals(List.of("r 2000 4", "w 5000 2 abcd", "w fffffffffffffff0 8 1"), exits.log);
        }
    }

    @Test
    void romIgnoresWritesAndPageCrossingAccessesAreLittleEndian() {
        try (PhysicalMemory phys = new PhysicalMemory(0x4000)) {
            CpuState s = new CpuState();
            MemoryAccess mem = new MemoryAccess(s, phys, ExitPort.NONE);
            mem.write(0x0ffd, 8, 0x0102030405060708L);
            assertEquals(0x0102030405060708L, mem.read(0x0ffd, 8));
            assertEquals(0x08, mem.read(0x0ffd, 1));
            phys.setPageKind(0x3000, PhysicalMemory.ROM);
            mem.write(0x3000, 4, 0xdeadbeefL);
            assertEquals(0, mem.read(0x3000, 4));
        }
    }

    @Test
    void storesToCodePagesBumpTheirVersion() {
        try (PhysicalMemory phys = new PhysicalMemory(0x4000)) {
            CpuState s = new CpuState();
            MemoryAccess mem = new MemoryAccess(s, phys, ExitPort.NONE);
            int v = phys.markCode(0x1000);
            mem.write(0x1800, 1, 0x90);
            assertTrue(s.codeModified);
            assertEquals(v + 1, phys.codeVersion(0x1000));
            assertTrue(phys.isPlainWrite(0x1000), "after invalidation stores take the fast path until a unit is rebuilt");
        }
    }

    @Test
    void lockedSubwordAndSplitUpdatesAreAtomicAcrossThreads() throws Exception {
        try (PhysicalMemory phys = new PhysicalMemory(0x4000)) {
            int threads = 2;
            int rounds = 20000;
            long[] addrs = {0x101, 0x202, 0x304, 0x0ffe}; // byte, word, dword, word split across a page
            int[] sizes = {1, 2, 4, 4};
            List<Thread> ts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread th = new Thread(() -> {
                    MemoryAccess mem = new MemoryAccess(new CpuState(), phys, ExitPort.NONE);
                    for (int i = 0; i < rounds; i++) {
                        for (int k = 0; k < addrs.length; k++) {
                            long old;
                            do {
                                old = mem.read(addrs[k], sizes[k]);
                            } while (mem.compareExchange(addrs[k], sizes[k], old, old + 1) != old);
                        }
                    }
                });
                ts.add(th);
                th.start();
            }
            for (Thread th : ts) {
                th.join();
            }
            MemoryAccess mem = new MemoryAccess(new CpuState(), phys, ExitPort.NONE);
            assertEquals((threads * rounds) & 0xff, mem.read(0x101, 1));
            assertEquals(threads * rounds, mem.read(0x202, 2));
            assertEquals(threads * rounds, mem.read(0x304, 4));
            assertEquals(threads * rounds, mem.read(0x0ffe, 4));
            assertEquals(0, mem.read(0x100, 1), "neighbouring bytes untouched");
        }
    }
}

package tvmm.vmm.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tvmm.devices.uart.SerialBackend;
import tvmm.vmm.svm.Placement;
import tvmm.vmm.svm.Stop;
import tvmm.vmm.testing.Nasm;

/**
 * {@code --placement}: the same two-vCPU guest (the AP started by INIT/STARTUP) under each
 * policy, and where Linux let each vCPU thread run, read back from /proc/thread-self.
 */
class PlacementTest {
    @TempDir
    Path dir;

    private record Run(Stop stop, List<String> cores) {
    }

    private Run run(Placement placement, int cpus) throws Exception {
        Path k = dir.resolve("smp.bin");
        Files.write(k, Nasm.assemble(SmpStartupTest.GUEST));
        MachineConfig config = new MachineConfig(16L << 20, cpus, SerialBackend.NONE, 1000, b -> { }, l -> { },
                placement);
        try (Machine m = new Machine(config)) {
            m.load(k, null, null);
            Stop stop = m.run(Duration.ofSeconds(60));
            List<String> cores = new ArrayList<>();
            for (int i = 0; i < cpus; i++) {
                cores.add(m.vmm().hostCoresOf(i));
            }
            return new Run(stop, cores);
        }
    }

    private static String processCores() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return line.substring("Cpus_allowed_list:".length()).trim();
            }
        }
        return "";
    }

    /** The first two host cores of "0-1", "0,2-3", … */
    private static int[] firstTwo(String list) {
        List<Integer> ids = new ArrayList<>();
        for (String part : list.split(",")) {
            String[] r = part.split("-");
            for (int c = Integer.parseInt(r[0]); c <= Integer.parseInt(r[r.length - 1]) && ids.size() < 2; c++) {
                ids.add(c);
            }
        }
        return ids.size() < 2 ? new int[0] : new int[] {ids.get(0), ids.get(1)};
    }

    @Test
    void pinnedPutsEachVcpuOnItsOwnCore() throws Exception {
        int[] cores = firstTwo(processCores());
        assumeTrue(cores.length == 2, "needs two host cores");
        Run r = run(Placement.PINNED, 2);
        assertEquals(0x2A << 1 | 1, r.stop.status(), r.stop.reason());
        assertEquals(List.of(Integer.toString(cores[0]), Integer.toString(cores[1])), r.cores);
    }

    @Test
    void gangGivesItsMembersConsecutiveCores() throws Exception {
        int[] cores = firstTwo(processCores());
        assumeTrue(cores.length == 2, "needs two host cores");
        Run r = run(Placement.GANG, 2);
        assertEquals(0x2A << 1 | 1, r.stop.status(), r.stop.reason());
        assertEquals(List.of(Integer.toString(cores[0]), Integer.toString(cores[1])), r.cores);
    }

    @Test
    void freeLeavesTheThreadsWhereverTheProcessMayRun() throws Exception {
        Run r = run(Placement.FREE, 2);
        assertEquals(0x2A << 1 | 1, r.stop.status(), r.stop.reason());
        String all = processCores();
        assertEquals(List.of(all, all), r.cores);
    }

    @Test
    void pinnedRefusesMoreVcpusThanHostCores() {
        int host = Runtime.getRuntime().availableProcessors();
        MachineConfig config = new MachineConfig(16L << 20, host + 1, SerialBackend.NONE, 1000, b -> { }, l -> { },
                Placement.PINNED);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Machine(config).close());
        assertEquals(true, e.getMessage().startsWith("--placement pinned needs a host core per vCPU"), e.getMessage());
    }

    @Test
    void placementNamesParseInAnyCase() {
        assertEquals(Placement.PINNED, Placement.parse("Pinned"));
        assertEquals(Placement.GANG, Placement.parse("gang"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Placement.parse("spread"));
        assertEquals("--placement spread: use pinned, free or gang", e.getMessage());
    }
}

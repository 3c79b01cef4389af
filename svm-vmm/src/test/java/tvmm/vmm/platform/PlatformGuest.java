package tvmm.vmm.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import tvmm.devices.uart.SerialBackend;
import tvmm.vmm.machine.Machine;
import tvmm.vmm.machine.MachineConfig;
import tvmm.vmm.svm.Stop;

/**
 * Assembles one platform test guest (a source in {@code src/test/resources/tvmm/vmm/platform},
 * built on guest-images' test-guest library {@code lib/*.inc}: multiboot header, GDT, IDT with
 * per-vector hooks, PRINT/EXPECT/PASS over ports 0xE9/0xF4) and boots it on a whole machine as
 * {@code tvmm run -kernel guest.bin} does.
 */
final class PlatformGuest {
    static final long RAM = 32L << 20;
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String LIB = "/tvmm/images/testguests/";
    private static final List<String> LIB_FILES = List.of("lib/boot.inc", "lib/gdt.inc", "lib/report.inc",
            "lib/idt32.inc", "lib/end.inc");
    private static final String OWN = "/tvmm/vmm/platform/";
    private static final List<String> OWN_FILES = List.of("plat.inc", "ticks.inc", "acpi.inc", "cmos.inc", "reset.inc");

    /** How the run ended and what the guest printed on the debug console. */
    record Result(Stop stop, String console) {
        boolean passed() {
            return stop.kind() == Stop.Kind.DEBUG_EXIT && stop.status() == 1 && console.endsWith("PASS\n");
        }

        @Override
        public String toString() {
            return stop.kind() + " (" + stop.reason() + ")\n--- guest console:\n" + console;
        }
    }

    private PlatformGuest() {
    }

    /** Assembles {@code name}.asm into a flat multiboot binary in {@code dir}. */
    static Path assemble(String name, Path dir) throws IOException, InterruptedException {
        Path src = dir.resolve("src");
        for (String f : LIB_FILES) {
            copy(LIB + f, src.resolve(f));
        }
        for (String f : OWN_FILES) {
            copy(OWN + f, src.resolve(f));
        }
        copy(OWN + name + ".asm", src.resolve(name + ".asm"));
        Path bin = dir.resolve(name + ".bin");
        Process p = new ProcessBuilder("nasm", "-f", "bin", "-I", src + "/", "-o", bin.toString(),
                src.resolve(name + ".asm").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.isBlank()) {
            // Warnings count as errors: a truncated constant silently changes a test.
            throw new IOException("nasm " + name + ".asm: " + out);
        }
        return bin;
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = PlatformGuest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing guest source " + resource);
            }
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
        }
    }

    static Result run(String name, Path dir, int cpus) throws Exception {
        return run(name, dir, cpus, m -> { }, line -> { });
    }

    /**
     * Boots {@code name} with {@code cpus} vCPUs; {@code setUp} sees the machine before it
     * starts, {@code onLine} each complete console line as the guest prints it.
     */
    static Result run(String name, Path dir, int cpus, Consumer<Machine> setUp, Consumer<String> onLine)
            throws Exception {
        return run(name, dir, cpus, SerialBackend.NONE, setUp, onLine);
    }

    /** As above, with COM1 connected to {@code serial}. */
    static Result run(String name, Path dir, int cpus, SerialBackend serial, Consumer<Machine> setUp,
            Consumer<String> onLine) throws Exception {
        Path bin = assemble(name, dir);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        StringBuilder line = new StringBuilder();
        StringBuilder timed = new StringBuilder(); // each line with the host's ms since the start
        long start = System.nanoTime();
        MachineConfig config = new MachineConfig(RAM, cpus, serial, 1000, b -> {
            synchronized (console) {
                console.write(b);
            }
            if (b == '\n') {
                String l = line.toString();
                line.setLength(0);
                timed.append(String.format("%6d ms  %s%n", (System.nanoTime() - start) / 1_000_000, l));
                onLine.accept(l);
            } else {
                line.append((char) (b & 0xFF));
            }
        }, log -> { });
        Stop stop;
        try (Machine m = new Machine(config)) {
            m.load(bin, null, null);
            setUp.accept(m);
            long t0 = System.nanoTime();
            stop = m.run(TIMEOUT);
            System.out.printf("%s: ran %d ms%n", name, (System.nanoTime() - t0) / 1_000_000);
        }
        Result r;
        synchronized (console) {
            r = new Result(stop, console.toString(StandardCharsets.ISO_8859_1));
        }
        // The measured figures, also when the test passes, with the time each line arrived.
        System.out.println(name + ": " + r.stop().kind() + " (" + r.stop().reason() + ")\n" + timed);
        return r;
    }
}

package tvmm.images.linux;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tvmm.images.linux.GuestBootCheck.BenchResult;
import tvmm.images.linux.GuestBootCheck.Boot;
import tvmm.images.linux.GuestBootCheck.Emulator;

/**
 * The command line of {@link GuestBootCheck}, run by {@code guest-images/scripts/qemu-boot.sh}
 * (QEMU alone) and {@code guest-images/scripts/boot-compare.sh} (QEMU and tvmm side by
 * side, same image, same command line, same interaction):
 *
 * <pre>
 *   [--kernel K --initrd I] [--append A]   default: the default guest and its command line
 *   [--runs N] [-m MiB] [--timeout S] [--verbose]
 *   [--qemu BINARY] [--tvmm LAUNCHER] [--compare]
 *   [--bench NAME[,NAME]|all]              run /bench programs instead of the shell checks
 * </pre>
 *
 * Side files go next to the image (qemu-dmesg.txt, tvmm-dmesg.txt, ...); with --compare
 * the warnings tvmm's guest prints and QEMU's does not are listed and saved.
 */
public final class BootCheckMain {
    private BootCheckMain() {
    }

    public static void main(String[] args) throws Exception {
        Path kernel = null;
        Path initrd = null;
        String append = DefaultGuest.DEFAULT_APPEND;
        String qemu = "qemu-system-x86_64";
        String tvmm = null;
        boolean compare = false;
        int runs = 1;
        int memory = 512;
        int timeout = 180;
        boolean verbose = false;
        String bench = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kernel" -> kernel = Path.of(args[++i]);
                case "--initrd" -> initrd = Path.of(args[++i]);
                case "--append" -> append = args[++i];
                case "--qemu" -> qemu = args[++i];
                case "--tvmm" -> tvmm = args[++i];
                case "--compare" -> compare = true;
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "-m", "--memory" -> memory = Integer.parseInt(args[++i]);
                case "--timeout" -> timeout = Integer.parseInt(args[++i]);
                case "--verbose" -> verbose = true;
                case "--bench" -> bench = args[++i];
                default -> usage();
            }
        }
        if (compare && tvmm == null) {
            usage();
        }
        Path sideFiles;
        if (kernel == null || initrd == null) {
            GuestImage g;
            try {
                g = DefaultGuest.ensure();
            } catch (GuestImageException e) {
                System.err.println("tvmm: " + e.getMessage());
                System.exit(1);
                return;
            }
            kernel = g.kernel();
            initrd = g.initrd();
            sideFiles = g.directory();
            System.out.println("guest: " + g.description());
        } else {
            sideFiles = GuestCache.root().resolve("boot-check");
        }
        Files.createDirectories(sideFiles);
        List<GuestBootCheck> checks = new ArrayList<>();
        if (compare || tvmm == null) {
            checks.add(new GuestBootCheck(Emulator.QEMU, qemu, memory, timeout, verbose));
        }
        if (tvmm != null) {
            checks.add(new GuestBootCheck(Emulator.TVMM, tvmm, memory, timeout, verbose));
        }
        boolean ok = bench != null ? benchmarks(checks, kernel, initrd, append, bench, runs)
                : boots(checks, kernel, initrd, append, runs, sideFiles);
        System.exit(ok ? 0 : 1);
    }

    private static void usage() {
        System.err.println("usage: qemu-boot.sh|boot-compare.sh [--kernel K --initrd I] [--append A] [--runs N]"
                + " [-m MiB] [--timeout S] [--qemu BINARY] [--tvmm LAUNCHER [--compare]] [--verbose]"
                + " [--bench NAME[,NAME]|all]");
        System.exit(2);
    }

    private static boolean boots(List<GuestBootCheck> checks, Path kernel, Path initrd, String append, int runs,
            Path sideFiles) throws Exception {
        boolean ok = true;
        Map<Emulator, List<Boot>> all = new LinkedHashMap<>();
        Map<Emulator, List<String>> warnings = new LinkedHashMap<>();
        for (GuestBootCheck check : checks) {
            String name = check.emulator().prefix();
            System.out.println(name + ": " + String.join(" ", check.command(kernel, initrd, "\"" + append + "\"")));
            List<Boot> boots = new ArrayList<>();
            for (int r = 1; r <= runs; r++) {
                Boot b = check.boot(kernel, initrd, append);
                boots.add(b);
                System.out.printf(Locale.ROOT, "%s run %d: marker after %.2f s wall (guest uptime %.2f s), prompt after"
                        + " %.2f s, powered off after %.2f s, exit status %d%n", name, r, b.toMarker(), b.guestUptime(),
                        b.toPrompt(), b.total(), b.exitStatus());
                Path log = sideFiles.resolve(name + "-console.log");
                Files.writeString(log, b.console());
                if (b.toMarker() < 0 || b.toPrompt() < 0 || b.exitStatus() != 0 || b.uname().isEmpty() || !b.ctrlC()) {
                    ok = false;
                    System.out.println(name + " FAILED: see " + log
                            + (b.toMarker() < 0 ? " (no '" + GuestBootCheck.MARKER + "' line)" : "")
                            + (b.toPrompt() >= 0 && !b.ctrlC() ? " (^C did not end a foreground job)" : ""));
                    break;
                }
                if (r == 1) {
                    System.out.println(name + " uname -a: " + b.uname());
                    System.out.println(name + " job control: ^C ends a foreground job");
                    for (Map.Entry<String, String> c : b.captures().entrySet()) {
                        Files.writeString(sideFiles.resolve(name + "-" + c.getKey() + ".txt"), c.getValue());
                    }
                    List<String> w = GuestBootCheck.warnings(b.captures().getOrDefault("dmesg-raw", ""));
                    warnings.put(check.emulator(), w);
                    Files.write(sideFiles.resolve(name + "-dmesg-warnings.txt"), w);
                    System.out.println(name + " dmesg: " + sideFiles.resolve(name + "-dmesg.txt") + " ("
                            + b.captures().getOrDefault("dmesg", "").lines().count() + " lines, " + w.size()
                            + " at warning level or worse in " + name + "-dmesg-warnings.txt)");
                }
            }
            all.put(check.emulator(), boots);
        }
        System.out.println("side files (dmesg, dmesg-warnings, cpuinfo, interrupts, iomem, console.log): " + sideFiles);
        for (Map.Entry<Emulator, List<Boot>> e : all.entrySet()) {
            List<Boot> good = e.getValue().stream().filter(b -> b.toMarker() >= 0).toList();
            if (!good.isEmpty()) {
                System.out.printf(Locale.ROOT, "median %s (%d runs): marker after %.2f s wall, guest uptime %.2f s%n",
                        e.getKey().prefix(), good.size(),
                        GuestBootCheck.median(good.stream().mapToDouble(Boot::toMarker).toArray()),
                        GuestBootCheck.median(good.stream().mapToDouble(Boot::guestUptime).toArray()));
            }
        }
        if (warnings.containsKey(Emulator.QEMU) && warnings.containsKey(Emulator.TVMM)) {
            Set<String> reference = new LinkedHashSet<>();
            warnings.get(Emulator.QEMU).forEach(w -> reference.add(GuestBootCheck.normalize(w)));
            List<String> extra = warnings.get(Emulator.TVMM).stream()
                    .filter(w -> !reference.contains(GuestBootCheck.normalize(w))).toList();
            Files.write(sideFiles.resolve("tvmm-extra-warnings.txt"), extra);
            System.out.println("warnings under tvmm that QEMU's guest does not print: " + extra.size()
                    + (extra.isEmpty() ? "" : " (tvmm-extra-warnings.txt)"));
            extra.forEach(w -> System.out.println("  " + w));
        }
        return ok;
    }

    private static boolean benchmarks(List<GuestBootCheck> checks, Path kernel, Path initrd, String append,
            String names, int runs) throws Exception {
        boolean ok = true;
        Map<String, Map<Emulator, List<Double>>> times = new LinkedHashMap<>();
        for (GuestBootCheck check : checks) {
            String name = check.emulator().prefix();
            for (int r = 1; r <= runs; r++) {
                List<BenchResult> results = check.bench(kernel, initrd, append, names);
                if (results.isEmpty()) {
                    System.out.println(name + " FAILED: no benchmark ran (is /bench/" + names
                            + " in the initramfs? try --verbose)");
                    ok = false;
                    break;
                }
                for (BenchResult b : results) {
                    System.out.printf(Locale.ROOT, "%s run %d: bench %s status %d: %.3f s guest time, %.3f s wall%n",
                            name, r, b.name(), b.status(), b.guestSeconds(), b.wallSeconds());
                    ok &= b.status() == 0;
                    times.computeIfAbsent(b.name(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(check.emulator(), k -> new ArrayList<>()).add(b.wallSeconds());
                }
            }
        }
        for (Map.Entry<String, Map<Emulator, List<Double>>> t : times.entrySet()) {
            StringBuilder line = new StringBuilder("median wall time of " + t.getKey() + ":");
            for (Map.Entry<Emulator, List<Double>> e : t.getValue().entrySet()) {
                line.append(String.format(Locale.ROOT, " %s %.3f s", e.getKey().prefix(),
                        GuestBootCheck.median(e.getValue().stream().mapToDouble(Double::doubleValue).toArray())));
            }
            System.out.println(line);
        }
        return ok;
    }
}

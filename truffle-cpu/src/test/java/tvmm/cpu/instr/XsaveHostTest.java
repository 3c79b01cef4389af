package tvmm.cpu.instr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tvmm.cpu.RunResult;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.mmu.ControlBits;

/**
 * XRSTOR then XSAVE/XSAVEOPT (both operand sizes) run by tvmm and natively by the host
 * (src/test/resources/tvmm/cpu/instr/xsave-oracle.c, built with gcc) from the same areas and
 * masks: the saved area (legacy region and header, over a 0xA5-filled buffer, so unwritten bytes
 * show) and the #GP of XRSTOR must agree. Not compared: MXCSR_MASK (bytes 28-31), since which
 * MXCSR bits exist is a model property (the host has AMD's MM bit); FOP/FIP/FDP (bytes 6-23),
 * which AMD keeps in its own way (it saves them only with an exception pending and drops or
 * extends the high bits of the 64-bit FIP/FDP it was given), as difftest's FxCompare. Skipped
 * without gcc.
 */
class XsaveHostTest {
    private static final long A0 = FpMachine.DATA, A = FpMachine.DATA + 0x400, B = FpMachine.DATA + 0x800;

    @Test
    void xrstorThenXsaveAgreesWithHost() throws Exception {
        SplittableRandom r = new SplittableRandom(20261122);
        byte[] a0 = initialArea();
        List<String> lines = new ArrayList<>();
        List<Object[]> cases = new ArrayList<>();
        for (int n = 0; n < 400; n++) {
            byte[] a = randomArea(r);
            int m1 = r.nextInt(4);
            int m2 = r.nextInt(4);
            int kind = r.nextInt(2);
            int rexw = r.nextInt(2);
            lines.add(HexFormat.of().formatHex(a0) + " " + HexFormat.of().formatHex(a) + " " + m1 + " " + m2 + " " + kind + " "
                    + rexw);
            cases.add(new Object[] {a, m1, m2, kind, rexw});
        }
        List<String> host = oracle(lines);
        int gps = 0;
        for (int n = 0; n < cases.size(); n++) {
            Object[] c = cases.get(n);
            String mine = runTvmm(a0, (byte[]) c[0], (int) c[1], (int) c[2], (int) c[3], (int) c[4]);
            String h = host.get(n);
            if (h.equals("GP")) {
                gps++;
            } else {
                h = h.substring(0, 12) + ".".repeat(36) + h.substring(48, 56) + "........" + h.substring(64);
            }
            assertEquals(h, mine, "case " + n + " m1=" + c[1] + " m2=" + c[2] + " kind=" + c[3] + " rexw=" + c[4]);
        }
        assertEquals(true, gps > 10 && gps < 300, "both outcomes occur: " + gps + " #GP");
    }

    /** x87 and SSE in their initial values but loaded (XSTATE_BV = 3): "in use" from then on. */
    private static byte[] initialArea() {
        byte[] a = new byte[576];
        a[0] = 0x7f;
        a[1] = 0x03;
        a[24] = (byte) 0x80;
        a[25] = 0x1f;
        a[512] = 3;
        return a;
    }

    private static byte[] randomArea(SplittableRandom r) {
        byte[] a = new byte[576];
        for (int i = 0; i < 512; i++) {
            a[i] = (byte) r.nextInt(256);
        }
        // Status word with ES/B consistent with the flags and masks (no pending exception state to disagree on).
        int fcw = (a[0] & 0xff) | (a[1] & 0xff) << 8;
        int fsw = ((a[2] & 0xff) | (a[3] & 0xff) << 8) & ~0x8080;
        if ((fsw & 0x3f & ~fcw) != 0) {
            fsw |= 0x8080;
        }
        a[2] = (byte) fsw;
        a[3] = (byte) (fsw >>> 8);
        int mx = r.nextInt(16) == 0 ? r.nextInt() : r.nextInt(65536);
        for (int i = 0; i < 4; i++) {
            a[24 + i] = (byte) (mx >>> (8 * i));
        }
        a[512] = (byte) r.nextInt(4);
        int p = r.nextInt(16);
        if (p == 0) {
            a[520 + r.nextInt(16)] = (byte) (1 + r.nextInt(255)); // XCOMP_BV or bytes 23:16: #GP
        } else if (p == 1) {
            a[536 + r.nextInt(40)] = (byte) (1 + r.nextInt(255)); // bytes 63:24: ignored
        }
        return a;
    }

    private static String runTvmm(byte[] a0, byte[] a, int m1, int m2, int kind, int rexw) {
        try (FpMachine m = new FpMachine()) {
            m.s.cr4 |= ControlBits.CR4_OSXSAVE;
            m.s.xcr0 = 3;
            m.phys.load(A0, a0);
            m.phys.load(A, a);
            byte[] fill = new byte[576];
            java.util.Arrays.fill(fill, (byte) 0xa5);
            m.phys.load(B, fill);
            int w = rexw != 0 ? 0x48 : 0x40;
            int save = kind != 0 ? 0xb6 : 0xa6;
            // mov eax,3; xor edx,edx; xrstor [rsi]; mov eax,m1; xrstor [rsi+0x400]; mov eax,m2; xsave(opt) [rsi+0x800]
            RunResult res = m.run(0xb8, 3, 0, 0, 0, 0x31, 0xd2, w, 0x0f, 0xae, 0x2e,
                    0xb8, m1, 0, 0, 0, w, 0x0f, 0xae, 0xae, 0x00, 0x04, 0, 0,
                    0xb8, m2, 0, 0, 0, w, 0x0f, 0xae, save, 0x00, 0x08, 0, 0);
            if (res.fault() != null) {
                assertEquals(Vectors.GP, res.fault().vector(), res.toString());
                return "GP";
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 576; i++) {
                sb.append(i >= 6 && i < 24 || i >= 28 && i < 32 ? ".." : String.format("%02x", m.s.mem.read(B + i, 1)));
            }
            return sb.toString();
        }
    }

    private static List<String> oracle(List<String> lines) throws IOException, InterruptedException {
        String arch = System.getProperty("os.arch");
        Assumptions.assumeTrue("amd64".equals(arch) || "x86_64".equals(arch), "host is not x86-64");
        Path dir = Path.of("target", "xsave-oracle");
        Files.createDirectories(dir);
        Path src = dir.resolve("xsave-oracle.c");
        try (InputStream in = XsaveHostTest.class.getResourceAsStream("/tvmm/cpu/instr/xsave-oracle.c")) {
            Files.write(src, in.readAllBytes());
        }
        Path exe = dir.resolve("xsave-oracle");
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-O1", "-o", exe.toString(), src.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no gcc: " + e.getMessage());
            return List.of();
        }
        String log = new String(gcc.getInputStream().readAllBytes());
        Assumptions.assumeTrue(gcc.waitFor(120, TimeUnit.SECONDS) && gcc.exitValue() == 0, "gcc failed: " + log);
        Path in = dir.resolve("requests.txt");
        Files.write(in, lines);
        Process p = new ProcessBuilder(exe.toAbsolutePath().toString()).redirectInput(in.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        List<String> res = List.of(out.split("\n"));
        assertEquals(lines.size(), res.size(), "oracle replies");
        return res;
    }
}

package tvmm.cpu.difftest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The host-CPU side of difftest: harness.c (a resource), compiled with gcc at first use
 * into ~/.cache/tvmm/difftest/harness-&lt;hash of the source&gt;, and run as a child process
 * that executes cases sent over a pipe. The child catches the snippet's faults itself; if
 * it dies anyway, the case is reported as a harness failure and a fresh child is started.
 */
public final class NativeHarness implements AutoCloseable {
    private static final String SOURCE = "/tvmm/cpu/difftest/harness.c";

    private final Path binary;
    private Process process;
    private OutputStream out;
    private DataInputStream in;

    public NativeHarness() throws IOException {
        this.binary = build();
        start();
    }

    /** Compiles the harness unless a binary built from this exact source exists. */
    static synchronized Path build() throws IOException {
        byte[] src;
        try (InputStream s = NativeHarness.class.getResourceAsStream(SOURCE)) {
            if (s == null) {
                throw new IOException("harness source " + SOURCE + " missing from the class path");
            }
            src = s.readAllBytes();
        }
        String hash;
        try {
            hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(src)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
        Path dir = Path.of(System.getProperty("user.home"), ".cache", "tvmm", "difftest");
        Path bin = dir.resolve("harness-" + hash);
        if (Files.isExecutable(bin)) {
            return bin;
        }
        Files.createDirectories(dir);
        Path c = dir.resolve("harness-" + hash + ".c");
        Files.write(c, src);
        Path tmp = dir.resolve("harness-" + hash + ".tmp" + ProcessHandle.current().pid());
        Process gcc = new ProcessBuilder("gcc", "-O2", "-o", tmp.toString(), c.toString()).redirectErrorStream(true).start();
        String log = new String(gcc.getInputStream().readAllBytes());
        try {
            if (!gcc.waitFor(120, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
                throw new IOException("gcc failed to build the difftest harness: " + log.lines().findFirst().orElse(""));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building the harness");
        }
        Files.move(tmp, bin, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return bin;
    }

    private void start() throws IOException {
        process = new ProcessBuilder(binary.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    /** Runs one case natively; null when the harness itself died (it is restarted). */
    public Outcome run(Case c) throws IOException {
        byte[] fx = c.fx();
        ByteBuffer b = ByteBuffer.allocate(8 + c.code().length + 17 * 8 + 8 + 8 + c.patch().length + (fx != null ? 512 : 0))
                .order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(Layout.MAGIC).putInt(c.code().length | (c.mode() == 32 ? 32 << 16 : 0)).put(c.code());
        for (long r : c.regs()) {
            b.putLong(r);
        }
        b.putLong(c.rflags()).putLong(c.memSeed());
        b.putInt(fx != null ? 1 : 0).putShort((short) c.patchOff()).putShort((short) c.patch().length).put(c.patch());
        if (fx != null) {
            b.put(fx);
        }
        try {
            out.write(b.array(), 0, b.position());
            out.flush();
            return read(fx != null);
        } catch (IOException e) {
            process.destroyForcibly();
            start();
            return null;
        }
    }

    private Outcome read(boolean withFx) throws IOException {
        byte[] head = new byte[4 * 8 + 17 * 8 + 2];
        in.readFully(head);
        ByteBuffer h = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        int vector = (int) h.getLong();
        long error = h.getLong();
        long addr = h.getLong();
        long rip = h.getLong();
        long[] regs = new long[16];
        for (int i = 0; i < 16; i++) {
            regs[i] = h.getLong();
        }
        long rflags = h.getLong();
        int changed = h.getShort() & 0xffff;
        byte[] body = new byte[changed * 3];
        in.readFully(body);
        ByteBuffer m = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        Map<Integer, Byte> mem = new LinkedHashMap<>();
        for (int i = 0; i < changed; i++) {
            int off = m.getShort() & 0xffff;
            mem.put(off, m.get());
        }
        byte[] fx = null;
        if (withFx) {
            fx = new byte[512];
            in.readFully(fx);
        }
        return new Outcome(vector, error, addr, rip, regs, rflags, mem, fx);
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            // the child is gone already
        }
        process.destroy();
    }
}

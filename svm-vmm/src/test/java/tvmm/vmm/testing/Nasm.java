package tvmm.vmm.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Assembles a small flat binary with nasm (Debian package {@code nasm}) for VMM tests. */
public final class Nasm {
    private Nasm() {
    }

    /**
     * The start of a 32-bit multiboot v1 kernel loaded at 1 MiB with the a.out kludge (flag
     * 16: load and entry addresses in the header): a guest source continues with the label
     * {@code start:} and must define {@code end:} after its last byte.
     */
    public static final String MULTIBOOT = """
            bits 32
            org 0x100000
            header:
            dd 0x1BADB002, 0x00010000, -(0x1BADB002 + 0x00010000)
            dd header, 0x100000, end, end, start
            """;

    public static byte[] assemble(String source) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("tvmm-nasm");
        try {
            Path src = dir.resolve("t.asm");
            Path bin = dir.resolve("t.bin");
            Files.writeString(src, source);
            Process p = new ProcessBuilder("nasm", "-f", "bin", "-o", bin.toString(), src.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.isBlank()) {
                throw new IOException("nasm: " + out);
            }
            return Files.readAllBytes(bin);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}

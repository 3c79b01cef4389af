package tvmm.decode;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tvmm.decode.tools.Comparison;
import tvmm.decode.tools.ElfText;

/**
 * Every instruction of real binaries decodes to capstone's length and mnemonic (DESIGN.md
 * §10), outside the written list of capstone bugs (CAPSTONE-BUGS.md). The binaries come
 * from Debian packages (busybox-static, libc6); the kernel text is used when a decompressed
 * vmlinux was prepared in ~/.cache/tvmm/decoder by scripts/kernel-text.sh.
 */
class CapstoneAgreementTest {

    private static Comparison compare(Path file) throws IOException {
        assumeTrue(Files.isReadable(file), file + " not installed");
        byte[] bytes = Files.readAllBytes(file);
        Comparison c = new Comparison(30);
        for (ElfText.Section s : ElfText.sections(bytes)) {
            try (CapstoneReference ref = new CapstoneReference(s.bits())) {
                c.run(s.bytes(), s.address(), s.bits(), ref);
            }
        }
        c.disagreements.forEach(System.out::println);
        System.out.println(file + ": excluded " + c.excludedByRule);
        System.out.println(file + ": " + c.summary());
        return c;
    }

    private static void assertAgreement(Comparison c) {
        assertTrue(c.instructions > 100_000, "too few instructions: " + c.summary());
        double length = (double) c.lengthAgree / c.instructions;
        double mnemonic = (double) c.mnemonicAgree / c.instructions;
        assertTrue(length >= 0.9999, "length agreement " + length + ": " + c.summary() + "\n" + String.join("\n", c.disagreements));
        assertTrue(mnemonic >= 0.999, "mnemonic agreement " + mnemonic + ": " + c.summary() + "\n" + String.join("\n", c.disagreements));
    }

    @Test
    void busybox() throws IOException {
        assertAgreement(compare(Path.of("/bin/busybox")));
    }

    @Test
    void libc() throws IOException {
        assertAgreement(compare(Path.of("/lib/x86_64-linux-gnu/libc.so.6")));
    }

    @Test
    void cloudKernelText() throws IOException {
        Path vmlinux = Path.of(System.getProperty("user.home"), ".cache", "tvmm", "decoder", "vmlinux");
        assumeTrue(Files.isReadable(vmlinux), "no decompressed kernel at " + vmlinux);
        assertAgreement(compare(vmlinux));
    }
}

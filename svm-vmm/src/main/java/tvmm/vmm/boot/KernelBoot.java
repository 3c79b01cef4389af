package tvmm.vmm.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code tvmm run -kernel K -initrd I -append A} does before the first vmrun, with
 * QEMU's conventions: a file with the Linux "HdrS" header boots through the 64-bit boot
 * protocol with I as its initrd; otherwise a file with a multiboot header boots as
 * multiboot, its command line "K A", and I is a comma-separated module list
 * ("file args,file args"); anything else is refused with one line.
 */
public final class KernelBoot {
    private KernelBoot() {
    }

    /** The CPU state to start from and a one-line account of what was loaded where. */
    public record Loaded(InitialCpuState cpu, String summary) {
    }

    public static Loaded load(GuestPhysicalMemory memory, long ramBytes, Path kernel, String initrd, String append)
            throws BootException {
        byte[] file = read(kernel, "kernel");
        String name = kernel.getFileName() == null ? kernel.toString() : kernel.getFileName().toString();
        String cmdline = append == null ? "" : append;
        if (hasLinuxHeader(file)) {
            BzImage image = BzImage.parse(name, file);
            byte[] rd = initrd == null || initrd.isEmpty() ? null : read(Path.of(initrd), "initrd");
            LinuxLoader.Loaded l = LinuxLoader.load(memory, ramBytes, image, rd, cmdline);
            return new Loaded(l.cpu(), String.format("%s at 0x%x, entry 0x%x%s", image, l.kernelAddress(),
                    l.cpu().rip(), rd == null ? "" : String.format(", initrd %d KiB at 0x%x", rd.length / 1024,
                            l.initrdAddress())));
        }
        if (MultibootHeader.isMultiboot(file)) {
            List<MultibootLoader.Module> modules = new ArrayList<>();
            if (initrd != null && !initrd.isBlank()) {
                for (String spec : initrd.split(",")) {
                    String s = spec.strip();
                    int space = s.indexOf(' ');
                    Path p = Path.of(space < 0 ? s : s.substring(0, space));
                    modules.add(new MultibootLoader.Module(read(p, "multiboot module"), s));
                }
            }
            String mbCmdline = cmdline.isEmpty() ? kernel.toString() : kernel + " " + cmdline;
            MultibootLoader.Loaded l = MultibootLoader.load(memory, ramBytes, name, file, mbCmdline, modules);
            return new Loaded(l.cpu(), String.format("%s: multiboot kernel [0x%x-0x%x), entry 0x%x, %d module(s)", name,
                    l.kernelStart(), l.kernelEnd(), l.cpu().rip(), modules.size()));
        }
        if (Elf32Image.isElf(file)) {
            throw new BootException(name + ": an ELF file without a multiboot header (for Linux, boot the bzImage"
                    + " vmlinuz, not vmlinux)");
        }
        BzImage.parse(name, file); // throws with the most specific reason (gzip, not a bzImage, ...)
        throw new BootException(name + ": neither a Linux bzImage nor a multiboot kernel");
    }

    static boolean hasLinuxHeader(byte[] f) {
        return f.length >= BzImage.HEADER + 4 && (f[BzImage.HEADER] & 0xFF | (f[BzImage.HEADER + 1] & 0xFF) << 8
                | (f[BzImage.HEADER + 2] & 0xFF) << 16 | (f[BzImage.HEADER + 3] & 0xFF) << 24) == (int) BzImage.HDRS_MAGIC;
    }

    private static byte[] read(Path p, String what) throws BootException {
        try {
            long size = Files.size(p);
            if (size > Integer.MAX_VALUE - 16) {
                throw new BootException(p + ": " + what + " of " + size + " bytes is too large");
            }
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new BootException("cannot read " + what + " " + p + ": " + e.getMessage());
        }
    }
}

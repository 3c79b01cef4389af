package tvmm.vmm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import tvmm.images.linux.DefaultGuest;
import tvmm.images.linux.GuestImage;
import tvmm.images.linux.GuestImageException;

/**
 * {@code tvmm image}: builds (or finds in the cache) the default guest that {@code tvmm run}
 * boots, and prints where its files are. CI uses it to prepare the guest before the tests;
 * users use it to hand the same kernel and initramfs to QEMU.
 */
@Command(name = "image", description = "Build the default guest (Debian cloud kernel + busybox initramfs) and print its files.")
final class ImageCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        try {
            GuestImage g = DefaultGuest.ensure();
            System.out.println("kernel:   " + g.kernel());
            System.out.println("initrd:   " + g.initrd());
            System.out.println("append:   " + g.append());
            System.out.println("packages: " + g.description());
            return 0;
        } catch (GuestImageException e) {
            System.err.println("tvmm: " + e.getMessage());
            return 1;
        }
    }
}

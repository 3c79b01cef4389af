package tvmm.images.linux;

import java.nio.file.Path;

/**
 * A bootable Linux guest: the bzImage, the initramfs and the kernel command line to boot
 * them with. {@code directory} is the cache entry that holds them (for side files such
 * as the QEMU reference dmesg); {@code description} names the package versions.
 */
public record GuestImage(Path kernel, Path initrd, String append, Path directory, String description) {
}

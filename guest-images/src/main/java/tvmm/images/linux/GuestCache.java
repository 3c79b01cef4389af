package tvmm.images.linux;

import java.nio.file.Path;

/**
 * Where built guests live: {@code $XDG_CACHE_HOME/tvmm}, else {@code ~/.cache/tvmm}
 * (the XDG base directory convention), never inside the repository. The system property
 * {@code tvmm.cache.dir} overrides both (tests use it).
 *
 * <pre>
 *   debs/                         downloaded packages, each verified against apt's SHA256
 *   default-guest/KEY/vmlinuz     the kernel's bzImage
 *   default-guest/KEY/initramfs.cpio.gz
 *   default-guest/KEY/guest.properties   written last: its presence means "complete"
 *   default-guest/KEY/qemu-dmesg.txt     the QEMU reference boot's dmesg (QemuBootCheck)
 * </pre>
 * KEY names the kernel and busybox package versions and a hash of the recipe's own files.
 */
public final class GuestCache {
    private GuestCache() {
    }

    public static Path root() {
        String override = System.getProperty("tvmm.cache.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "tvmm");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "tvmm");
    }

    static Path debs() {
        return root().resolve("debs");
    }

    static Path defaultGuests() {
        return root().resolve("default-guest");
    }
}

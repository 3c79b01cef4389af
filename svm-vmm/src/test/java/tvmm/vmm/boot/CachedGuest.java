package tvmm.vmm.boot;

import java.util.Optional;
import tvmm.images.linux.DefaultGuest;
import tvmm.images.linux.GuestImage;

/** The real default guest when guest-images has built and cached it; tests skip (and say so) otherwise. */
final class CachedGuest {
    private CachedGuest() {
    }

    static Optional<GuestImage> get() {
        Optional<GuestImage> g = DefaultGuest.cached();
        if (g.isEmpty()) {
            System.out.println("SKIPPED: no cached default guest (build it: guest-images/scripts/qemu-boot.sh"
                    + " or tvmm run); real-kernel checks skipped");
        }
        return g;
    }
}

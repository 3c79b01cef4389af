package tvmm.kernel;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A protection domain's capability space: slots indexed by selector. Lookups are lock-free (one
 * volatile array load); installing and clearing happen under the kernel's mapping lock.
 */
public final class CapSpace {
    /** Enough for every SVM exit reason as an event selector (NOVA's per-vCPU portal window). */
    public static final int DEFAULT_SLOTS = 4096;

    private final AtomicReferenceArray<Capability> slots;

    CapSpace(int size) {
        slots = new AtomicReferenceArray<>(size);
    }

    public int size() {
        return slots.length();
    }

    /** Typed lookup with permission check: the first step of every selector-based operation. */
    public <C extends Capability> Result<C> lookup(int sel, Class<C> type, int need) {
        if (sel < 0 || sel >= slots.length()) {
            return Result.fail(Status.BAD_PAR);
        }
        Capability c = slots.get(sel);
        if (c == null) {
            return Result.fail(Status.BAD_CAP);
        }
        if (!type.isInstance(c)) {
            return Result.fail(Status.BAD_TYPE);
        }
        Status s = c.check(need);
        return s.ok() ? Result.of(type.cast(c)) : Result.fail(s);
    }

    /** The capability at {@code sel}, or null for an empty or out-of-range slot. */
    Capability get(int sel) {
        return sel >= 0 && sel < slots.length() ? slots.get(sel) : null;
    }

    /** True if {@code sel} holds no capability. */
    public boolean empty(int sel) {
        return get(sel) == null;
    }

    Status install(int sel, Capability c) {
        if (sel < 0 || sel >= slots.length()) {
            return Status.BAD_PAR;
        }
        return slots.compareAndSet(sel, null, c) ? Status.SUCCESS : Status.BUSY;
    }

    void clear(int sel, Capability expected) {
        slots.compareAndSet(sel, expected, null);
    }
}

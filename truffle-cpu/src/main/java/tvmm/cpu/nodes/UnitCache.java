package tvmm.cpu.nodes;

import java.util.HashMap;

/**
 * A vCPU's translated units, keyed by physical start address and mode key (DESIGN.md §3,
 * like QEMU's TB flags). A direct-mapped front array answers most lookups without boxing;
 * the map holds everything. Staleness (self-modified pages) is checked by the caller
 * against the page versions.
 */
public final class UnitCache {
    /** Linux boots through ~50,000 units: a front this size keeps most lookups off the map. */
    private static final int FRONT = 1 << 15;
    private final long[] frontKeys = new long[FRONT];
    private final Unit[] front = new Unit[FRONT];
    private final HashMap<Long, Unit> all = new HashMap<>();

    private static long key(long physical, int modeKey) {
        return physical << 10 | (modeKey & 0x3ff);
    }

    private static int slot(long key) {
        return (int) (key ^ key >>> 12 ^ key >>> 24) & (FRONT - 1);
    }

    public Unit get(long physical, int modeKey) {
        long k = key(physical, modeKey);
        int i = slot(k);
        Unit u = front[i];
        if (u != null && frontKeys[i] == k) {
            return u;
        }
        u = all.get(k);
        if (u != null) {
            front[i] = u;
            frontKeys[i] = k;
        }
        return u;
    }

    public void put(Unit u) {
        long k = key(u.physical, u.modeKey);
        all.put(k, u);
        int i = slot(k);
        front[i] = u;
        frontKeys[i] = k;
    }

    public void remove(Unit u) {
        long k = key(u.physical, u.modeKey);
        all.remove(k, u);
        int i = slot(k);
        if (front[i] == u) {
            front[i] = null;
        }
    }

    public void clear() {
        all.clear();
        java.util.Arrays.fill(front, null);
    }

    public int size() {
        return all.size();
    }
}

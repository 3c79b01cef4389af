package tvmm.cpu.nodes;

import com.oracle.truffle.api.CallTarget;

/**
 * A translated unit and what it was translated from: the physical start address, the mode
 * key, and the version of each code page it covers (a store to one of them bumps the
 * version and the unit is stale). An instruction crossing into a second page records that
 * page's linear and physical address: the mapping is re-checked on every lookup.
 */
public final class Unit {
    public final UnitRoot root;
    public final CallTarget target;
    public final long physical;
    public final int modeKey;
    public final int version;
    /** Second page of an instruction that crosses a page boundary, or -1. */
    public final long physical2;
    public final long linear2;
    public final int version2;
    /** CS.limit the unit was checked against (outside 64-bit mode), or -1. */
    public final long csLimit;

    public Unit(UnitRoot root, long physical, int modeKey, int version, long linear2, long physical2, int version2,
            long csLimit) {
        this.csLimit = csLimit;
        this.root = root;
        this.target = root.getCallTarget();
        this.physical = physical;
        this.modeKey = modeKey;
        this.version = version;
        this.linear2 = linear2;
        this.physical2 = physical2;
        this.version2 = version2;
    }
}

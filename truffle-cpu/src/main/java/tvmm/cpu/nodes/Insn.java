package tvmm.cpu.nodes;

import com.oracle.truffle.api.nodes.Node;
import tvmm.cpu.state.CpuState;

/**
 * One guest instruction as a node of a translation unit. The unit's dispatch loop treats
 * each by its {@link #kind()} (fixed when the unit is built):
 * <ul>
 * <li>{@link #SEQ}: {@link #execute} then the next instruction;
 * <li>{@link #STORE}: like SEQ, but the instruction may store to memory, so the unit checks
 * for self-modified code after it;
 * <li>{@link #BRANCH}: {@link #taken} decides between the fall-through and {@link #target()}
 * (Jcc, LOOPcc, JrCXZ): the jump logic itself stays in the dispatch loop so that Graal
 * sees the next index as a constant on each path;
 * <li>{@link #JUMP}: an unconditional direct jump to {@link #target()};
 * <li>{@link #LEAVE}: {@link #execute} sets {@link CpuState#rip} and the unit returns
 * (indirect branches, calls, returns, and instructions after which the mode may differ).
 * </ul>
 * A node that faults throws {@link tvmm.cpu.interrupts.GuestFault} before changing any
 * architectural state; the unit then sets RIP to {@link #address}.
 */
public abstract class Insn extends Node {
    public static final byte SEQ = 0;
    public static final byte STORE = 1;
    public static final byte BRANCH = 2;
    public static final byte JUMP = 3;
    public static final byte LEAVE = 4;

    /** Linear address of the instruction's first byte (RIP as the guest sees it). */
    public final long address;
    public final int length;

    protected Insn(long address, int length) {
        this.address = address;
        this.length = length;
    }

    /** The address of the next instruction (the RIP value during execution). */
    public final long next() {
        return address + length;
    }

    public byte kind() {
        return SEQ;
    }

    public void execute(CpuState s) {
    }

    /** For BRANCH: whether the branch is taken (may update state, e.g. LOOP decrements rCX). */
    public boolean taken(CpuState s) {
        return false;
    }

    /** For BRANCH and JUMP: the linear target address. */
    public long target() {
        return next();
    }
}

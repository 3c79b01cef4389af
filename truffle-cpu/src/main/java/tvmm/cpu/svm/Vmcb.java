package tvmm.cpu.svm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The virtual machine control block of one vCPU, byte for byte as AMD64 APM vol. 2,
 * Appendix B lays it out: the control area at 000h (intercepts, exit information, event
 * injection, nested paging) and the state save area at 400h (segments with their hidden
 * parts, control registers, the syscall MSRs, ...).
 *
 * <p>Ownership rule (from the seeds): only the vCPU's own thread reads or writes its VMCB.
 * Other threads post events to the vCPU and kick it; they never touch this object.
 */
public final class Vmcb {
    public static final int SIZE = 4096;

    // ---- Control area (Appendix B, table B-1) ----
    public static final int INTERCEPT_CR = 0x000;        // 15:0 reads, 31:16 writes
    public static final int INTERCEPT_DR = 0x004;        // 15:0 reads, 31:16 writes
    public static final int INTERCEPT_EXCEPTIONS = 0x008; // one bit per vector
    public static final int INTERCEPT_MISC1 = 0x00C;     // see Intercept
    public static final int INTERCEPT_MISC2 = 0x010;     // see Intercept
    public static final int PAUSE_FILTER_THRESHOLD = 0x03C; // 16 bits
    public static final int PAUSE_FILTER_COUNT = 0x03E;  // 16 bits
    public static final int IOPM_BASE_PA = 0x040;
    public static final int MSRPM_BASE_PA = 0x048;
    public static final int TSC_OFFSET = 0x050;
    public static final int GUEST_ASID = 0x058;          // 32 bits
    public static final int TLB_CONTROL = 0x05C;         // 8 bits
    public static final int VINTR = 0x060;               // V_TPR 7:0, V_IRQ 8, V_INTR_PRIO 19:16, V_IGN_TPR 20, V_INTR_MASKING 24, V_INTR_VECTOR 39:32
    public static final int INTERRUPT_SHADOW = 0x068;    // bit 0: shadow, bit 1: guest interrupt mask
    public static final int EXITCODE = 0x070;
    public static final int EXITINFO1 = 0x078;
    public static final int EXITINFO2 = 0x080;
    public static final int EXITINTINFO = 0x088;
    public static final int NP_ENABLE = 0x090;           // bit 0
    public static final int EVENTINJ = 0x0A8;
    public static final int N_CR3 = 0x0B0;
    public static final int VMCB_CLEAN = 0x0C0;
    public static final int NRIP = 0x0C8;
    public static final int GUEST_INSN_BYTES_FETCHED = 0x0D0; // 8 bits, then up to 15 bytes
    public static final int GUEST_INSN_BYTES = 0x0D1;

    // ---- State save area (Appendix B, table B-2) ----
    public static final int SAVE = 0x400;
    public static final int CPL = 0x4CB;                 // 8 bits
    public static final int EFER = 0x4D0;
    public static final int CR4 = 0x548;
    public static final int CR3 = 0x550;
    public static final int CR0 = 0x558;
    public static final int DR7 = 0x560;
    public static final int DR6 = 0x568;
    public static final int RFLAGS = 0x570;
    public static final int RIP = 0x578;
    public static final int RSP = 0x5D8;
    public static final int RAX = 0x5F8;
    public static final int STAR = 0x600;
    public static final int LSTAR = 0x608;
    public static final int CSTAR = 0x610;
    public static final int SFMASK = 0x618;
    public static final int KERNEL_GS_BASE = 0x620;
    public static final int SYSENTER_CS = 0x628;
    public static final int SYSENTER_ESP = 0x630;
    public static final int SYSENTER_EIP = 0x638;
    public static final int CR2 = 0x640;
    public static final int G_PAT = 0x668;
    public static final int DBGCTL = 0x670;

    /** V_IRQ: a virtual interrupt is pending (VINTR word, bit 8). */
    public static final long V_IRQ = 1L << 8;
    /** V_INTR_MASKING: the guest's EFLAGS.IF masks only virtual interrupts (bit 24). */
    public static final long V_INTR_MASKING = 1L << 24;
    /** V_IGN_TPR (bit 20). */
    public static final long V_IGN_TPR = 1L << 20;

    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] bytes = new byte[SIZE];

    /**
     * A segment register's slot in the state save area: selector (16 bits), attributes
     * (16 bits, the descriptor's type/S/DPL/P in 7:0 and AVL/L/D/G in 11:8), limit (32
     * bits, already expanded by granularity), base (64 bits).
     */
    public enum Segment {
        ES(0x400), CS(0x410), SS(0x420), DS(0x430), FS(0x440), GS(0x450),
        GDTR(0x460), LDTR(0x470), IDTR(0x480), TR(0x490);

        public final int offset;

        Segment(int offset) {
            this.offset = offset;
        }
    }

    public long read64(int offset) {
        return (long) I64.get(bytes, offset);
    }

    public void write64(int offset, long value) {
        I64.set(bytes, offset, value);
    }

    public int read32(int offset) {
        return (int) I32.get(bytes, offset);
    }

    public void write32(int offset, int value) {
        I32.set(bytes, offset, value);
    }

    public int read16(int offset) {
        return Short.toUnsignedInt((short) I16.get(bytes, offset));
    }

    public void write16(int offset, int value) {
        I16.set(bytes, offset, (short) value);
    }

    public int read8(int offset) {
        return Byte.toUnsignedInt(bytes[offset]);
    }

    public void write8(int offset, int value) {
        bytes[offset] = (byte) value;
    }

    // ---- Intercepts ----

    public boolean isIntercepted(Intercept i) {
        return (read32(i.wordOffset) & (1 << i.bit)) != 0;
    }

    public void setIntercept(Intercept i, boolean on) {
        int word = read32(i.wordOffset);
        write32(i.wordOffset, on ? word | (1 << i.bit) : word & ~(1 << i.bit));
    }

    public boolean isCrReadIntercepted(int cr) {
        return (read32(INTERCEPT_CR) & (1 << cr)) != 0;
    }

    public boolean isCrWriteIntercepted(int cr) {
        return (read32(INTERCEPT_CR) & (1 << (16 + cr))) != 0;
    }

    public void setCrIntercepts(int readMask, int writeMask) {
        write32(INTERCEPT_CR, (readMask & 0xFFFF) | (writeMask << 16));
    }

    public boolean isExceptionIntercepted(int vector) {
        return (read32(INTERCEPT_EXCEPTIONS) & (1 << vector)) != 0;
    }

    public void setExceptionIntercepts(int mask) {
        write32(INTERCEPT_EXCEPTIONS, mask);
    }

    // ---- Exit information, written by the CPU when vmrun returns ----

    public long exitCode() {
        return read64(EXITCODE);
    }

    public long exitInfo1() {
        return read64(EXITINFO1);
    }

    public long exitInfo2() {
        return read64(EXITINFO2);
    }

    public long exitIntInfo() {
        return read64(EXITINTINFO);
    }

    public void setExit(long code, long info1, long info2) {
        write64(EXITCODE, code);
        write64(EXITINFO1, info1);
        write64(EXITINFO2, info2);
    }

    // ---- Event injection and virtual interrupts, written by the VMM before vmrun ----

    public long eventInj() {
        return read64(EVENTINJ);
    }

    public void setEventInj(long event) {
        write64(EVENTINJ, event);
    }

    /** Requests a virtual interrupt with {@code vector} (V_IRQ), delivered when the guest can take it. */
    public void setVirtualIrq(int vector, int priority) {
        long v = read64(VINTR) & ~(0xFFL << 32) & ~(0xFL << 16);
        write64(VINTR, v | V_IRQ | ((long) (vector & 0xFF) << 32) | ((long) (priority & 0xF) << 16));
    }

    public void clearVirtualIrq() {
        write64(VINTR, read64(VINTR) & ~V_IRQ);
    }

    public boolean virtualIrqPending() {
        return (read64(VINTR) & V_IRQ) != 0;
    }

    public int virtualIrqVector() {
        return (int) ((read64(VINTR) >>> 32) & 0xFF);
    }

    public boolean nestedPagingEnabled() {
        return (read64(NP_ENABLE) & 1) != 0;
    }

    public void setNestedPaging(boolean on, long nCr3) {
        write64(NP_ENABLE, on ? read64(NP_ENABLE) | 1 : read64(NP_ENABLE) & ~1L);
        write64(N_CR3, nCr3);
    }

    // ---- State save area: segments ----

    public int selector(Segment s) {
        return read16(s.offset);
    }

    public int attributes(Segment s) {
        return read16(s.offset + 2);
    }

    public long limit(Segment s) {
        return Integer.toUnsignedLong(read32(s.offset + 4));
    }

    public long base(Segment s) {
        return read64(s.offset + 8);
    }

    public void setSegment(Segment s, int selector, int attributes, long limit, long base) {
        write16(s.offset, selector);
        write16(s.offset + 2, attributes);
        write32(s.offset + 4, (int) limit);
        write64(s.offset + 8, base);
    }
}

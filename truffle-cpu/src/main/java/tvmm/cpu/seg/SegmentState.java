package tvmm.cpu.seg;

/**
 * The segmentation state of a vCPU, as the system layer reads and writes it; implemented by
 * the engine's CpuState. A segment register is its visible selector plus the hidden
 * descriptor cache in VMCB form (AMD APM vol. 2 §15.5.1): a base, a byte-granular limit
 * (already expanded by G), and 12 attribute bits (see {@link Descriptor#attributes}).
 * Register numbers are the x86 encoding (ES=0 … GS=5) plus {@link #LDTR} and {@link #TR}.
 * An attribute word with P clear marks a segment unusable (null selector loaded).
 */
public interface SegmentState {
    int ES = 0;
    int CS = 1;
    int SS = 2;
    int DS = 3;
    int FS = 4;
    int GS = 5;
    int LDTR = 6;
    int TR = 7;

    int selector(int sreg);

    long base(int sreg);

    int limit(int sreg);

    int attributes(int sreg);

    void loadSegment(int sreg, int selector, long base, int limit, int attributes);

    long gdtBase();

    int gdtLimit();

    long idtBase();

    int idtLimit();

    long cr0();

    long cr4();

    long efer();

    long rflags();

    /** Current privilege level: 0 in real mode, 3 in VM86, else CS.DPL. */
    int cpl();

    /** Kept by the engine beside CS (the VMCB CPL field); set whenever CS is loaded. */
    void setCpl(int cpl);
}

package tvmm.cpu.msr;

/**
 * The parts of MSR state that live outside the MSR file: EFER and the FS/GS bases are in
 * the engine's CpuState (they are used on every access), so are the TSC and TSC_AUX (RDTSC and
 * RDTSCP read them there),
 * and the APIC MSRs belong to the platform's local APIC. {@link MsrFile} makes every
 * architectural check before it calls a setter.
 */
public interface MsrHost {
    long efer();

    /** Called with a checked value; LMA already preserved. The engine flushes the TLB on NXE changes. */
    void setEfer(long efer);

    long cr0();

    long fsBase();

    void setFsBase(long base);

    long gsBase();

    void setGsBase(long base);

    /** IA32_TSC: the engine's TSC (CpuState), which RDTSC reads too. */
    long readTsc();

    /** A WRMSR to IA32_TSC: the TSC continues counting from {@code value}. */
    void writeTsc(long value);

    /** IA32_TSC_AUX, which RDTSCP returns in ECX (kept beside the TSC in CpuState). */
    long tscAux();

    /** Called with a checked value (bits 63:32 zero). */
    void setTscAux(long value);

    /**
     * IA32_APIC_BASE, IA32_TSC_DEADLINE and the x2APIC range ({@link Msrs#isPlatform}). Throws
     * {@link tvmm.cpu.interrupts.GuestFault} #GP when the platform refuses (e.g. x2APIC mode off).
     */
    long readPlatform(int msr);

    void writePlatform(int msr, long value);
}

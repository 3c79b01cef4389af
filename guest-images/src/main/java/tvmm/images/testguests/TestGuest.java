package tvmm.images.testguests;

/**
 * The assembly test guests (issue 03): sources in {@code src/main/resources/tvmm/images/testguests}
 * (one {@code .asm} per guest, shared code in {@code lib/}), assembled by {@link TestGuestAssembler}.
 *
 * <p>Load convention (lib/boot.inc): a flat binary with a Multiboot v1 header using the a.out
 * kludge, loaded at 1 MiB and entered in 32-bit protected mode with paging off. A guest prints
 * on the debug console (port 0xE9) and ends by writing to isa-debug-exit (port 0xF4): 0 for
 * pass (process status 1), n for failure n (status 2n + 1); a passing guest's last line is
 * {@code PASS}. {@link #TRIPLE} instead ends in a triple fault (SVM SHUTDOWN exit).
 */
public enum TestGuest {
    MODES("modes", Expect.PASS, "real → protected → long → compatibility mode and back, unreal mode, IVT"),
    PAGING("paging", Expect.PASS, "32-bit/PSE, PAE/NX, 4-level with 4K/2M/1G pages, A/D bits, INVLPG, #PF codes"),
    FAULTS("faults", Expect.PASS, "#DE #BP #UD #GP #NP #SS #PF #DF vectors, error codes, CR2, IST"),
    RINGS("rings", Expect.PASS, "IRETQ to ring 3, INT gates with RSP0, SYSCALL/SYSRET, user #PF and #GP"),
    IOBITMAP("iobitmap", Expect.PASS, "ring 3 in protected mode, TSS I/O bitmap, IOPL, ESP0 stack switch"),
    SHADOWS("shadows", Expect.PASS, "MOV SS/POP SS single-step shadow, STI shadow with an APIC self-IPI"),
    DESCRIPTORS("descriptors", Expect.PASS, "SGDT/SIDT, LLDT/LTR, LAR/LSL/VERR/VERW, LDS/LSS, far CALL through a call gate, SYSENTER/SYSEXIT, MSRs"),
    SMC("smc", Expect.PASS, "self-modifying code: next instruction, other page, rewritten buffer, alias mapping"),
    TRIPLE("triple", Expect.SHUTDOWN, "triple fault ends the machine");

    /** How a guest is supposed to end. */
    public enum Expect { PASS, SHUTDOWN }

    /** Physical load address and entry mode of every guest (lib/boot.inc). */
    public static final long LOAD_ADDRESS = 0x10_0000;
    public static final int DEBUG_CONSOLE_PORT = 0xe9;
    public static final int EXIT_PORT = 0xf4;
    /** Exit status for a guest that wrote 0 to the exit port. */
    public static final int PASS_STATUS = 1;

    private final String fileName;
    private final Expect expect;
    private final String description;

    TestGuest(String fileName, Expect expect, String description) {
        this.fileName = fileName;
        this.expect = expect;
        this.description = description;
    }

    /** Base name of the source ({@code name + ".asm"}) and of the binary. */
    public String fileName() {
        return fileName;
    }

    public Expect expect() {
        return expect;
    }

    public String description() {
        return description;
    }
}

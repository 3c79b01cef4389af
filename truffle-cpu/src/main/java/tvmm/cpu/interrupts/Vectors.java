package tvmm.cpu.interrupts;

/** Architectural exception vectors (Intel SDM vol. 3 §6.3.1, AMD APM vol. 2 §8.2). */
public final class Vectors {
    public static final int DE = 0;   // divide error
    public static final int DB = 1;   // debug
    public static final int NMI = 2;
    public static final int BP = 3;   // INT3
    public static final int OF = 4;   // INTO
    public static final int BR = 5;   // BOUND
    public static final int UD = 6;   // invalid opcode
    public static final int NM = 7;   // device not available
    public static final int DF = 8;   // double fault (error code 0)
    public static final int TS = 10;  // invalid TSS
    public static final int NP = 11;  // segment not present
    public static final int SS = 12;  // stack fault
    public static final int GP = 13;  // general protection
    public static final int PF = 14;  // page fault
    public static final int MF = 16;  // x87 error
    public static final int AC = 17;  // alignment check (error code 0)
    public static final int MC = 18;  // machine check
    public static final int XM = 19;  // SIMD floating point
    public static final int VE = 20;
    public static final int CP = 21;  // control protection (error code)

    private Vectors() {
    }

    /** Exceptions that push an error code when delivered (SDM Table 6-1). */
    public static boolean pushesErrorCode(int vector) {
        return switch (vector) {
            case DF, TS, NP, SS, GP, PF, AC, CP -> true;
            default -> false;
        };
    }

    /** Double-fault classes (SDM Table 6-4 / APM Table 8-7). */
    public static final int CLASS_BENIGN = 0;
    public static final int CLASS_CONTRIBUTORY = 1;
    public static final int CLASS_PAGE_FAULT = 2;
    public static final int CLASS_DOUBLE_FAULT = 3;

    public static int faultClass(int vector) {
        return switch (vector) {
            case DE, TS, NP, SS, GP -> CLASS_CONTRIBUTORY;
            case PF, VE -> CLASS_PAGE_FAULT;
            case DF -> CLASS_DOUBLE_FAULT;
            default -> CLASS_BENIGN;
        };
    }
}

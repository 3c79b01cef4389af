package tvmm.cpu.interrupts;

import tvmm.cpu.seg.SystemMemory;

/**
 * Delivers an event and handles faults raised while delivering it (SDM vol. 3 §6.15, Table
 * 6-5; AMD APM vol. 2 §8.2.9): benign first events let the second be delivered serially;
 * contributory after contributory, and contributory or #PF after #PF, become #DF (error code
 * 0); any fault while delivering #DF is a triple fault, which the engine turns into the SVM
 * SHUTDOWN exit. CR2 is written when a #PF is recognized, before its delivery starts.
 */
public final class EventDelivery {
    /** What happened to the event. */
    public enum Outcome { DELIVERED, SHUTDOWN }

    private EventDelivery() {
    }

    /** Delivers a fault or trap raised by an instruction ({@code returnRip} as it must be pushed). */
    public static Outcome deliverException(InterruptState s, SystemMemory m, GuestFault fault, long returnRip) {
        return deliver(s, m, fault.vector(), false, fault.hasErrorCode(), fault.errorCode(), fault.faultAddress(),
                returnRip, returnRip);
    }

    /** External interrupt (INTR) or NMI: never pushes an error code. */
    public static Outcome deliverInterrupt(InterruptState s, SystemMemory m, int vector, long returnRip) {
        return deliver(s, m, vector, false, false, 0, 0, returnRip, returnRip);
    }

    /** INT n, INT3, INTO: the gate's DPL is checked. */
    public static Outcome deliverSoftware(InterruptState s, SystemMemory m, int vector, long nextRip) {
        return deliver(s, m, vector, true, false, 0, 0, nextRip, nextRip);
    }

    /**
     * INT n, INT3, INTO ({@code checkDpl}) or INT1 (no DPL check, EXT = 1): a fault raised by the
     * delivery itself (bad gate, DPL) belongs to the instruction, so it is delivered with the
     * instruction's own address as its return RIP.
     */
    public static Outcome deliverSoftware(InterruptState s, SystemMemory m, int vector, boolean checkDpl,
                                          long nextRip, long instructionRip) {
        return deliver(s, m, vector, checkDpl, false, 0, 0, nextRip, instructionRip);
    }

    public static Outcome deliver(InterruptState s, SystemMemory m, int vector, boolean software,
                                  boolean hasErrorCode, int errorCode, long cr2, long returnRip) {
        return deliver(s, m, vector, software, hasErrorCode, errorCode, cr2, returnRip, returnRip);
    }

    /** {@code faultRip}: the RIP pushed for a fault raised while delivering this event. */
    public static Outcome deliver(InterruptState s, SystemMemory m, int vector, boolean software,
                                  boolean hasErrorCode, int errorCode, long cr2, long returnRip, long faultRip) {
        int current = vector;
        boolean sw = software;
        boolean hasError = hasErrorCode;
        int error = errorCode;
        long address = cr2;
        long rip = returnRip;
        while (true) {
            if (current == Vectors.PF) {
                s.setCr2(address);
            }
            try {
                InterruptDelivery.deliver(s, m, current, sw, hasError, error, rip);
                return Outcome.DELIVERED;
            } catch (GuestFault second) {
                int first = Vectors.faultClass(current);
                int next = Vectors.faultClass(second.vector());
                if (first == Vectors.CLASS_DOUBLE_FAULT) {
                    return Outcome.SHUTDOWN;
                }
                boolean doubleFault = (first == Vectors.CLASS_CONTRIBUTORY && next == Vectors.CLASS_CONTRIBUTORY)
                        || (first == Vectors.CLASS_PAGE_FAULT && next != Vectors.CLASS_BENIGN);
                // A software INT n is benign whatever its vector number (SDM Table 6-4 lists exceptions).
                if (doubleFault && !sw) {
                    current = Vectors.DF;
                    hasError = true;
                    error = 0;
                } else {
                    current = second.vector();
                    hasError = second.hasErrorCode();
                    error = second.errorCode();
                    address = second.faultAddress();
                }
                sw = false;
                rip = faultRip;
            }
        }
    }
}

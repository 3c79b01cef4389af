package tvmm.devices.apic;

/**
 * 256 interrupt vectors as one bit each: the layout of the APIC's IRR, ISR and TMR, which
 * the guest reads as eight 32-bit registers (SDM vol. 3 §11.8.4).
 */
final class VectorSet {
    private final int[] words = new int[8];

    void set(int vector) {
        words[(vector >>> 5) & 7] |= 1 << (vector & 31);
    }

    void clear(int vector) {
        words[(vector >>> 5) & 7] &= ~(1 << (vector & 31));
    }

    void set(int vector, boolean on) {
        if (on) {
            set(vector);
        } else {
            clear(vector);
        }
    }

    boolean get(int vector) {
        return (words[(vector >>> 5) & 7] & (1 << (vector & 31))) != 0;
    }

    /** The highest vector set, or -1 when empty (the priority order of the APIC). */
    int highest() {
        for (int i = 7; i >= 0; i--) {
            if (words[i] != 0) {
                return (i << 5) + 31 - Integer.numberOfLeadingZeros(words[i]);
            }
        }
        return -1;
    }

    /** Register {@code index} (0–7) as the guest reads it: vectors 32·index … 32·index+31. */
    int word(int index) {
        return words[index & 7];
    }

    void clearAll() {
        java.util.Arrays.fill(words, 0);
    }
}

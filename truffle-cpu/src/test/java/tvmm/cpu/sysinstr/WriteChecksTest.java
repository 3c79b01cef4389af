package tvmm.cpu.sysinstr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.state.CpuState;

/**
 * System instructions that store check their segment as a write (SDM vol. 3 §5.4.1): a
 * read-only data segment gives #GP(0), or #SS(0) for the stack; a writable one takes the store.
 */
class WriteChecksTest {
    static final int WRITABLE = 0xc93;
    static final int READ_ONLY = 0xc91;

    private static List<Integer> faultsOf(int dataAttr, int... code) {
        try (SysCpu c = new SysCpu().prot32(dataAttr)) {
            int[] withHlt = java.util.Arrays.copyOf(code, code.length + 1);
            withHlt[code.length] = 0xf4;
            c.load(0x1000, withHlt).run(0x1000);
            return c.faults;
        }
    }

    @Test
    void smswSgdtAndMovFromSregToReadOnlyMemoryFault() {
        int[][] stores = {
            {0x0f, 0x01, 0x25, 0x00, 0x20, 0x00, 0x00}, // smsw [0x2000]
            {0x0f, 0x01, 0x05, 0x00, 0x20, 0x00, 0x00}, // sgdt [0x2000]
            {0x0f, 0x01, 0x0d, 0x00, 0x20, 0x00, 0x00}, // sidt [0x2000]
            {0x8c, 0x1d, 0x00, 0x20, 0x00, 0x00},       // mov [0x2000], ds
            {0x6c},                                     // insb (ES:EDI)
        };
        for (int[] store : stores) {
            assertEquals(List.of(Vectors.GP), faultsOf(READ_ONLY, store), java.util.Arrays.toString(store));
            assertEquals(List.of(), faultsOf(WRITABLE, store), java.util.Arrays.toString(store));
        }
    }

    @Test
    void pushSregToAReadOnlyStackIsStackFault() {
        assertEquals(List.of(Vectors.SS), faultsOf(READ_ONLY, 0x1e)); // push ds
        assertEquals(List.of(), faultsOf(WRITABLE, 0x1e));
    }

    @Test
    void smswStoresThroughAWritableSegment() {
        try (SysCpu c = new SysCpu().prot32(WRITABLE)) {
            c.load(0x1000, 0x0f, 0x01, 0x25, 0x00, 0x20, 0x00, 0x00, 0xf4).run(0x1000);
            assertEquals(c.s.cr0 & 0xffff, c.phys.ram16(0x2000));
            assertEquals(ControlBits.CR0_PE, c.phys.ram16(0x2000) & ControlBits.CR0_PE);
            assertEquals(0x8000, c.s.gpr[CpuState.RSP]);
        }
    }
}

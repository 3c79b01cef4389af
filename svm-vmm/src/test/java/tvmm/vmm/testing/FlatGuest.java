package tvmm.vmm.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import tvmm.vmm.boot.InitialCpuState;
import tvmm.vmm.boot.SegmentState;
import tvmm.vmm.memory.GuestMemoryMap;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.state.Flags;

/**
 * A 32-bit flat protected-mode guest for VMM tests, set up without any system instruction:
 * a GDT (code 0x08, data 0x10) and an IDT written into guest memory, the code at 1 MiB.
 */
public final class FlatGuest {
    public static final long CODE = 0x10_0000;
    public static final long GDT = 0x1000;
    public static final long IDT = 0x3000;
    public static final long STACK_TOP = 0x9_0000;

    private FlatGuest() {
    }

    /** Writes the GDT and an IDT of 256 entries where {@code handlers[v]} != 0 is a 32-bit interrupt gate. */
    public static InitialCpuState install(GuestMemoryMap mem, byte[] code, long[] handlers) {
        return install(mem, code, handlers, false);
    }

    /** As above; {@code interruptsOn} starts the guest with RFLAGS.IF = 1 (no STI needed). */
    public static InitialCpuState install(GuestMemoryMap mem, byte[] code, long[] handlers, boolean interruptsOn) {
        ByteBuffer gdt = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        gdt.putLong(0);
        gdt.putLong(SegmentState.code32(0x08).descriptor());
        gdt.putLong(SegmentState.data(0x10).descriptor());
        mem.write(GDT, gdt.array());
        ByteBuffer idt = ByteBuffer.allocate(256 * 8).order(ByteOrder.LITTLE_ENDIAN);
        int entries = 0;
        for (int v = 0; v < 256; v++) {
            long h = v < handlers.length ? handlers[v] : 0;
            if (h != 0) {
                long low = (h & 0xFFFF) | (0x08L << 16);
                long high = (h & 0xFFFF_0000L) | 0x8E00; // present, DPL 0, 32-bit interrupt gate
                idt.putLong(v * 8, low | high << 32);
                entries = v + 1;
            }
        }
        mem.write(IDT, idt.array());
        mem.write(CODE, code);
        SegmentState data = SegmentState.data(0x10);
        return new InitialCpuState(CODE, STACK_TOP, 0, 0, 0, Flags.FIXED1 | (interruptsOn ? 1L << 9 : 0),
                ControlBits.CR0_PE | ControlBits.CR0_ET, 0, 0, 0, GDT, 23, IDT, Math.max(entries * 8 - 1, 0),
                SegmentState.code32(0x08), data, data, data, data, data, SegmentState.bootTaskRegister(),
                SegmentState.unusable());
    }
}

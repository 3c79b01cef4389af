package tvmm.vmm.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tvmm.devices.platform.Layout;
import tvmm.vmm.machine.Machine;
import tvmm.vmm.machine.MachineConfig;
import tvmm.vmm.testing.FlatGuest;
import tvmm.vmm.testing.Nasm;

/**
 * Device interrupts reach a halted vCPU through both controllers of the PC: the PIT through
 * the 8259 pair (ExtINT on the BSP's LINT0, virtual-wire mode) and the PIT through the
 * IOAPIC (GSI 2) to the local APIC. The controllers are programmed from the host side, as
 * firmware would, so the guest needs no port I/O; it halts with IF = 1 and its handler
 * records the vector it was entered with.
 */
class InterruptDeliveryTest {
    static final String GUEST = """
            bits 32
            org 0x100000
            mov esp, 0x90000
            hlt
            mov dword [0x2004], 0xBAD
            ud2
            align 16
            h20: mov dword [0x2000], 0x20
            ud2
            align 16
            h30: mov dword [0x2000], 0x30
            ud2
            """;

    static Stop runWith(Machine m, byte[] code, Runnable program) throws Exception {
        int h20 = VmrunLoopTest.indexOf(code, new byte[] {(byte) 0xC7, 0x05, 0x00, 0x20, 0x00, 0x00, 0x20});
        int h30 = VmrunLoopTest.indexOf(code, new byte[] {(byte) 0xC7, 0x05, 0x00, 0x20, 0x00, 0x00, 0x30});
        long[] idt = new long[0x31];
        idt[0x20] = FlatGuest.CODE + h20;
        idt[0x30] = FlatGuest.CODE + h30;
        m.vcpus().get(0).enter(FlatGuest.install(m.memory(), code, idt, true));
        program.run();
        return m.run(Duration.ofSeconds(60));
    }

    /** PIT channel 0, mode 2 (rate generator), 1 ms. */
    static void startPit(Machine m) {
        m.ports().write(Layout.PIT + 3, 1, 0x34);
        m.ports().write(Layout.PIT, 1, 1193 & 0xFF);
        m.ports().write(Layout.PIT, 1, 1193 >> 8);
    }

    @Test
    void pitInterruptArrivesThroughThe8259() throws Exception {
        byte[] code = Nasm.assemble(GUEST);
        try (Machine m = new Machine(MachineConfig.forTest(16 << 20, 1, b -> { }))) {
            Stop stop = runWith(m, code, () -> {
                // ICW1..ICW4 of the master: edge, cascade, vectors 0x20.., 8086 mode; unmask IRQ0.
                m.ports().write(0x20, 1, 0x11);
                m.ports().write(0x21, 1, 0x20);
                m.ports().write(0x21, 1, 0x04);
                m.ports().write(0x21, 1, 0x01);
                m.ports().write(0x21, 1, 0xFE);
                startPit(m);
            });
            assertEquals(Stop.Kind.SHUTDOWN, stop.kind(), stop.reason());
            assertEquals(0x20, VmrunLoopTest.read32(m, 0x2000), "entered through the PIC's IRQ0 vector");
            assertEquals(0, VmrunLoopTest.read32(m, 0x2004));
        }
    }

    @Test
    void pitInterruptArrivesThroughTheIoApic() throws Exception {
        byte[] code = Nasm.assemble(GUEST);
        try (Machine m = new Machine(MachineConfig.forTest(16 << 20, 1, b -> { }))) {
            Stop stop = runWith(m, code, () -> {
                // The 8259 stays masked (power-on IMR = 0xFF); IOAPIC pin 2: vector 0x30, fixed, edge, APIC 0.
                long sel = Layout.IOAPIC_BASE;
                long win = Layout.IOAPIC_BASE + 0x10;
                m.memory().mmioWrite(sel, 4, 0x10 + 2 * Layout.GSI_PIT + 1);
                m.memory().mmioWrite(win, 4, 0);
                m.memory().mmioWrite(sel, 4, 0x10 + 2 * Layout.GSI_PIT);
                m.memory().mmioWrite(win, 4, 0x30);
                startPit(m);
            });
            assertEquals(Stop.Kind.SHUTDOWN, stop.kind(), stop.reason());
            assertEquals(0x30, VmrunLoopTest.read32(m, 0x2000), "entered through the IOAPIC's vector");
            assertEquals(0, VmrunLoopTest.read32(m, 0x2004));
        }
    }
}

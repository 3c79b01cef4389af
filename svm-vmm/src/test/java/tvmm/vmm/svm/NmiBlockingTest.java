package tvmm.vmm.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tvmm.vmm.machine.Machine;
import tvmm.vmm.machine.MachineConfig;
import tvmm.vmm.testing.FlatGuest;
import tvmm.vmm.testing.Nasm;

/**
 * NMI blocking through the whole VMM (SDM vol. 3 §6.7.1): the guest sends itself an NMI
 * through the local APIC's ICR; its handler sends a second one and spins. The second NMI
 * must wait for the handler's IRET (the handler records how many entries it saw before
 * returning), then arrive.
 */
class NmiBlockingTest {
    static final String GUEST = """
            bits 32
            org 0x100000
                mov esp, 0x90000
                mov dword [0xFEE00310], 0          ; ICR high: APIC 0
                mov dword [0xFEE00300], 0x4400     ; NMI, assert
            idle: cmp dword [0x2000], 2
                jne idle
                ud2
            align 16
            nmi: inc dword [0x2000]
                cmp dword [0x2000], 1
                jne done
                mov dword [0xFEE00300], 0x4400     ; a second NMI while this handler runs
                mov ecx, 200000
            spin: loop spin
                mov eax, [0x2000]
                mov [0x2004], eax                  ; entries seen at the end of the first handler
            done: iret
            """;

    @Test
    void aSecondNmiWaitsForTheFirstHandlersIret() throws Exception {
        byte[] code = Nasm.assemble(GUEST);
        int handler = VmrunLoopTest.indexOf(code, new byte[] {(byte) 0xFF, 0x05, 0x00, 0x20, 0x00, 0x00});
        long[] idt = new long[3];
        idt[2] = FlatGuest.CODE + handler;
        try (Machine m = new Machine(MachineConfig.forTest(16 << 20, 1, b -> { }))) {
            m.vcpus().get(0).enter(FlatGuest.install(m.memory(), code, idt));
            Stop stop = m.run(Duration.ofSeconds(60));
            assertEquals(Stop.Kind.SHUTDOWN, stop.kind(), stop.reason()); // the final UD2 has no gate
            assertEquals(1, VmrunLoopTest.read32(m, 0x2004), "no NMI nested inside the NMI handler");
            assertEquals(2, VmrunLoopTest.read32(m, 0x2000), "the held NMI came after the IRET");
        }
    }
}

package tvmm.vmm.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tvmm.devices.hpet.Hpet;
import tvmm.vmm.machine.Machine;
import tvmm.vmm.machine.MachineConfig;
import tvmm.vmm.testing.FlatGuest;
import tvmm.vmm.testing.Nasm;

/**
 * The vCPU loop on a whole machine with guests that need no system instruction: MMIO reads
 * through NPF exits, a triple fault as the SHUTDOWN exit, and HLT woken by the local APIC
 * timer with the interrupt injected through EVENTINJ and the guest's IDT.
 */
class VmrunLoopTest {
    static final long RESULT = 0x2000;

    static long read32(Machine m, long gpa) {
        return ByteBuffer.wrap(m.memory().read(gpa, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFF_FFFFL;
    }

    @Test
    void mmioReadReachesTheHpetAndATripleFaultStopsTheMachine() throws Exception {
        byte[] code = Nasm.assemble("""
                bits 32
                org 0x100000
                mov eax, [0xFED00000]     ; HPET general capabilities (NPF exit)
                mov [0x2000], eax
                ud2                       ; no IDT: #UD, #GP, #DF, shutdown
                """);
        try (Machine m = new Machine(MachineConfig.forTest(16 << 20, 1, b -> { }))) {
            m.vcpus().get(0).enter(FlatGuest.install(m.memory(), code, new long[0]));
            Stop stop = m.run(Duration.ofSeconds(60));
            assertEquals(Stop.Kind.SHUTDOWN, stop.kind(), stop.reason());
            long caps = read32(m, RESULT);
            assertEquals(Hpet.VENDOR_ID, caps >>> 16, "HPET vendor in the capabilities the guest read");
            assertTrue(m.vcpus().get(0).exitCount(ExitIndex.NPF) >= 1);
        }
    }

    @Test
    void haltedVcpuIsWokenByTheApicTimerAndTheVectorIsInjected() throws Exception {
        byte[] code = Nasm.assemble("""
                bits 32
                org 0x100000
                mov esp, 0x90000
                mov dword [0xFEE003E0], 0xB        ; timer divide by 1
                mov dword [0xFEE00320], 0x30       ; LVT timer: one-shot, vector 0x30
                mov dword [0xFEE00380], 2000000    ; 80 ms at the 25 MHz APIC bus clock
                hlt                                ; IF = 1 from the start (STI is a system instruction)
                mov dword [0x2004], 0xBAD          ; the handler never returns here
                ud2
                align 16
                handler:
                mov dword [0x2000], 0x30
                mov eax, [0xFEE00110]              ; ISR bits 63:32: vector 0x30 is in service
                mov [0x2008], eax
                ud2
                """);
        try (Machine m = new Machine(MachineConfig.forTest(16 << 20, 1, b -> { }))) {
            int handler = indexOf(code, new byte[] {(byte) 0xC7, 0x05, 0x00, 0x20, 0x00, 0x00, 0x30});
            long[] idt = new long[0x31];
            idt[0x30] = FlatGuest.CODE + handler;
            m.vcpus().get(0).enter(FlatGuest.install(m.memory(), code, idt, true));
            Stop stop = m.run(Duration.ofSeconds(60));
            assertEquals(Stop.Kind.SHUTDOWN, stop.kind(), stop.reason());
            assertEquals(0x30, read32(m, RESULT), "the handler ran");
            assertEquals(0, read32(m, RESULT + 4), "HLT did not fall through without the interrupt");
            assertEquals(1L << (0x30 - 32), read32(m, RESULT + 8), "the vector is in the APIC's ISR");
            assertTrue(m.vcpus().get(0).exitCount(ExitIndex.of(tvmm.cpu.svm.ExitCode.HLT)) >= 1);
        }
    }

    @Test
    void interruptHeldWhileIfIsClearIsTakenRightAfterTheStiShadow() throws Exception {
        byte[] code = Nasm.assemble("""
                bits 32
                org 0x100000
                cli
                mov esp, 0x90000
                mov dword [0xFEE003E0], 0xB        ; timer divide by 1
                mov dword [0xFEE00320], 0x30       ; one-shot, vector 0x30
                mov dword [0xFEE00380], 25         ; 1 us at the 25 MHz APIC clock: fires while IF = 0
                mov ecx, 200000 
                spin: dec ecx
                jnz spin
                mov eax, [0xFEE00200 + 0x10]       ; IRR bits 63:32: the interrupt is waiting
                mov [0x2008], eax
                mov dword [0x2000], 1
                sti
                nop                                ; the STI shadow: no interrupt before this retires
                mov dword [0x2000], 2
                ud2
                align 16
                handler:
                mov eax, [0x2000]
                mov [0x2004], eax
                mov dword [0x200C], 0x30
                ud2
                """);
        try (Machine m = new Machine(MachineConfig.forTest(16 << 20, 1, b -> { }))) {
            int handler = indexOf(code, new byte[] {(byte) 0xA1, 0x00, 0x20, 0x00, 0x00});
            long[] idt = new long[0x31];
            idt[0x30] = FlatGuest.CODE + handler;
            m.vcpus().get(0).enter(FlatGuest.install(m.memory(), code, idt));
            Stop stop = m.run(Duration.ofSeconds(60));
            assertEquals(Stop.Kind.SHUTDOWN, stop.kind(), stop.reason());
            assertEquals(0x30, read32(m, RESULT + 12), "the handler ran; " + stop.reason() + " words " + read32(m, RESULT) + " " + read32(m, RESULT + 4) + " " + Long.toHexString(read32(m, RESULT + 8)));
            assertEquals(1L << 16, read32(m, RESULT + 8), "vector 0x30 was pending in IRR while IF was clear");
            assertEquals(1, read32(m, RESULT + 4), "delivered after the instruction in the STI shadow, not later");
            assertTrue(m.vcpus().get(0).exitCount(ExitIndex.of(tvmm.cpu.svm.ExitCode.VINTR)) >= 1,
                    "the window was opened with V_IRQ and the VINTR intercept");
        }
    }

    @Test
    void guestStoresToTheBiosAreaAreDropped() throws Exception {
        byte[] code = Nasm.assemble("""
                bits 32
                org 0x100000
                mov dword [0xF0000], 0x11223344   ; ROM: the store is dropped
                mov eax, [0xF0000]
                mov [0x2000], eax
                ud2
                """);
        try (Machine m = new Machine(MachineConfig.forTest(16 << 20, 1, b -> { }))) {
            m.memory().write(0xF0000, new byte[] {(byte) 0xDD, (byte) 0xCC, (byte) 0xBB, (byte) 0xAA});
            m.vcpus().get(0).enter(FlatGuest.install(m.memory(), code, new long[0]));
            Stop stop = m.run(Duration.ofSeconds(60));
            assertEquals(Stop.Kind.SHUTDOWN, stop.kind(), stop.reason());
            assertEquals(0xAABBCCDDL, read32(m, RESULT));
        }
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("marker not found");
    }
}

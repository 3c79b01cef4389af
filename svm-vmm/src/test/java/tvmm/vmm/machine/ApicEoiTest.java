package tvmm.vmm.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tvmm.vmm.svm.Stop;
import tvmm.vmm.testing.Nasm;

/**
 * Local APIC delivery after EOI (Humbel's lesson): two self-IPIs of the same priority class
 * are posted while IF = 0; the higher vector is delivered first, and the lower one only
 * after the first handler's EOI, with no new event to announce it. The guest reports the
 * order through the debug-exit status.
 */
class ApicEoiTest {
    @TempDir
    Path dir;

    static final String GUEST = Nasm.MULTIBOOT + """
            start:
            cli
            mov esp, 0x90000
            lidt [idtr]
            mov dword [0xFEE00300], 0x00044040    ; self-IPI, fixed, vector 0x40
            mov dword [0xFEE00300], 0x00044041    ; self-IPI, fixed, vector 0x41
            sti
            idle:
            hlt
            cmp dword [count], 2
            jb idle
            cli
            mov eax, [order]                     ; 0x41 then 0x40: order = 0x4140
            shr eax, 8                           ; status byte: the first vector taken
            out 0xF4, al
            hlt

            h40:
            push eax
            mov eax, [order]
            shl eax, 8
            or eax, 0x40
            mov [order], eax
            inc dword [count]
            mov dword [0xFEE000B0], 0            ; EOI
            pop eax
            iret
            h41:
            push eax
            mov eax, [order]
            shl eax, 8
            or eax, 0x41
            mov [order], eax
            inc dword [count]
            ; the lower vector must still be waiting: it is in IRR, not yet taken
            mov eax, [0xFEE00210]
            mov [irr], eax
            mov dword [0xFEE000B0], 0            ; EOI: now 0x40 becomes deliverable
            pop eax
            iret

            align 8
            idt:
            times 0x40 dq 0
            dw h40 - $$, 0x08, 0x8E00, 0x0010
            dw h41 - $$, 0x08, 0x8E00, 0x0010
            idt_end:
            idtr: dw idt_end - idt - 1
            dd idt
            align 4
            order: dd 0
            count: dd 0
            irr: dd 0
            end:
            """;

    @Test
    void lowerVectorIsDeliveredAfterTheHigherOnesEoi() throws Exception {
        Path k = dir.resolve("eoi.bin");
        Files.write(k, Nasm.assemble(GUEST));
        Stop stop;
        try (Machine m = new Machine(MachineConfig.forTest(16L << 20, 1, b -> { }))) {
            m.load(k, null, null);
            stop = m.run(Duration.ofSeconds(60));
        }
        assertEquals(Stop.Kind.DEBUG_EXIT, stop.kind(), stop.reason());
        assertEquals(0x41 << 1 | 1, stop.status(), "0x41 first, then 0x40 after its EOI");
    }
}

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
 * Application processor start-up as on hardware (SDM vol. 3 §9.4.4, the INIT-SIPI-SIPI
 * sequence): the BSP copies a real-mode trampoline to 0x8000, sends INIT and a STARTUP IPI
 * with vector 0x08 through its xAPIC ICR, and waits for the AP to write a flag from real mode.
 */
class SmpStartupTest {
    @TempDir
    Path dir;

    static final String GUEST = Nasm.MULTIBOOT + """
            start:
            mov esp, 0x90000
            mov esi, trampoline
            mov edi, 0x8000
            mov ecx, trampoline_end - trampoline
            rep movsb
            mov dword [0x7000], 0
            mov dword [0xFEE00310], 1 << 24      ; ICR high: APIC ID 1
            mov dword [0xFEE00300], 0x00004500   ; INIT, level assert
            mov dword [0xFEE00300], 0x00004608   ; STARTUP, vector 0x08 -> 0x8000
            mov ecx, 200000000
            poll:
            cmp dword [0x7000], 0
            jne started
            pause
            dec ecx
            jnz poll
            started:
            mov eax, [0x7000]
            out 0xF4, al                          ; status (flag << 1) | 1
            hlt

            bits 16
            trampoline:                           ; runs at 0x8000 in real mode, CS = 0x0800
            xor ax, ax
            mov ds, ax
            mov dword [0x7000], 0x2A
            cli
            .park:
            hlt
            jmp .park
            trampoline_end:
            end:
            """;

    @Test
    void secondVcpuStartsThroughInitAndStartupIpis() throws Exception {
        Path k = dir.resolve("smp.bin");
        Files.write(k, Nasm.assemble(GUEST));
        Stop stop;
        try (Machine m = new Machine(MachineConfig.forTest(16L << 20, 2, b -> { }))) {
            m.load(k, null, null);
            stop = m.run(Duration.ofSeconds(60));
        }
        assertEquals(Stop.Kind.DEBUG_EXIT, stop.kind(), stop.reason());
        assertEquals(0x2A << 1 | 1, stop.status(), "the AP wrote its flag from real mode");
    }
}

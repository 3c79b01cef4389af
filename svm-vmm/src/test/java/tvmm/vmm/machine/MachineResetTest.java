package tvmm.vmm.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tvmm.vmm.svm.Stop;
import tvmm.vmm.testing.Nasm;

/**
 * A guest that counts its boots in CMOS byte 0x40 (battery-backed) and in RAM at 0x7000 (kept
 * across a reset), leaves devices programmed and its own image changed, and resets the machine;
 * on the second boot it checks that the devices are at their reset values and its image was
 * loaded again, and reports through isa-debug-exit. Two vCPUs, so the reset also has to gather
 * an application processor waiting for STARTUP.
 */
class MachineResetTest {
    @TempDir
    Path dir;

    /** RESET is the line that makes the first boot reset the machine. */
    static final String GUEST = Nasm.MULTIBOOT + """
            start:
            mov esp, 0x90000
            mov al, 'b'
            out 0xE9, al
            mov al, 10
            out 0xE9, al
            mov al, 0x40                    ; CMOS byte 0x40: boots so far
            out 0x70, al
            in al, 0x71
            inc al
            mov bl, al
            mov al, 0x40
            out 0x70, al
            mov al, bl
            out 0x71, al
            inc dword [0x7000]              ; RAM outside the image: not reloaded
            cmp bl, 2
            jae second
            mov al, 0x12                    ; first boot: unmask some 8259 inputs,
            out 0x21, al
            mov dx, 0x3FB                   ; program the 16550's line control,
            mov al, 0x1B
            out dx, al
            mov byte [marker], 1            ; and change the loaded image
            RESET
            jmp $
            second:
            xor ecx, ecx                    ; bit 0: RAM count 2, 1: IMR FFh, 2: LCR 0, 3: image fresh
            cmp dword [0x7000], 2
            jne .c1
            or cl, 1
            .c1:
            in al, 0x21
            cmp al, 0xFF
            jne .c2
            or cl, 2
            .c2:
            mov dx, 0x3FB
            in al, dx
            test al, al
            jnz .c3
            or cl, 4
            .c3:
            cmp byte [marker], 0
            jne .c4
            or cl, 8
            .c4:
            shl bl, 4
            or cl, bl
            mov al, cl
            out 0xF4, al
            jmp $
            align 8
            nullidt: dw 0
            dd 0
            marker: db 0
            end:
            """;

    Result boot(String reset, boolean reboot) throws Exception {
        Path k = dir.resolve("reset.bin");
        Files.write(k, Nasm.assemble(GUEST.replace("RESET", reset)));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<String> log = new CopyOnWriteArrayList<>();
        MachineConfig config = new MachineConfig(16L << 20, 2, tvmm.devices.uart.SerialBackend.NONE, 1000, b -> {
            synchronized (console) {
                console.write(b);
            }
        }, log::add);
        Stop stop;
        long resets;
        try (Machine m = new Machine(config)) {
            m.load(k, null, null);
            m.setRebootOnReset(reboot);
            stop = m.run(Duration.ofSeconds(60));
            resets = m.vmm().resets();
        }
        synchronized (console) {
            return new Result(stop, console.toString(StandardCharsets.US_ASCII), log, resets);
        }
    }

    record Result(Stop stop, String console, List<String> log, long resets) {
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "keyboard controller | mov al, 0xFE\\nout 0x64, al",
        "reset register | mov dx, 0xCF9\\nmov al, 0x06\\nout dx, al",
        "triple fault | lidt [nullidt]\\nint3"})
    void resetRebootsWithDevicesResetAndTheImageLoadedAgain(String source, String code) throws Exception {
        Result r = boot(code.replace("\\n", "\n"), true);
        assertEquals(Stop.Kind.DEBUG_EXIT, r.stop().kind(), r.stop().reason() + "; console: " + r.console());
        assertEquals("b\nb\n", r.console(), "two boots");
        assertEquals(1, r.resets());
        // (boots << 4 | all four checks) << 1 | 1, the isa-debug-exit convention
        assertEquals((0x2F << 1) | 1, r.stop().status(), "boots and checks: " + Integer.toHexString(r.stop().status() >> 1));
        assertEquals(1, r.log().stream().filter(l -> l.endsWith(": rebooting")).count(), String.valueOf(r.log()));
        assertTrue(r.log().stream().anyMatch(l -> l.contains(source.equals("triple fault") ? "triple fault" : source)),
                "the reason is logged: " + r.log());
    }

    /**
     * The first boot starts the AP (INIT, STARTUP to a real-mode loop counting at 0x7100) and
     * resets with the AP running; on the second boot the count stands still (the AP is back in
     * wait-for-SIPI) until the BSP starts it again.
     */
    static final String SMP_GUEST = Nasm.MULTIBOOT + """
            start:
            mov esp, 0x90000
            mov al, 0x41                    ; CMOS byte 0x41: boots so far
            out 0x70, al
            in al, 0x71
            inc al
            mov bl, al
            mov al, 0x41
            out 0x70, al
            mov al, bl
            out 0x71, al
            xor ebp, ebp                    ; result bits
            cmp bl, 2
            jb .first
            mov eax, [0x7100]               ; second boot: the AP must be stopped
            mov ecx, 3000000
            .idle:
            pause
            dec ecx
            jnz .idle
            cmp eax, [0x7100]
            jne .moved
            or ebp, 1
            .moved:
            .first:
            call start_ap
            cmp bl, 2
            jae .report
            mov [0x7104], eax               ; 2 if the AP ran before the reset
            mov al, 0xFE                    ; first boot: reset with the AP running
            out 0x64, al
            jmp $
            .report:
            or ebp, eax
            mov eax, [0x7104]
            shl eax, 1
            or ebp, eax
            movzx ebx, bl
            shl ebx, 4
            or ebp, ebx
            mov eax, ebp
            out 0xF4, al
            jmp $

            start_ap:                       ; eax = 2 once the AP counts
            mov esi, trampoline
            mov edi, 0x8000
            mov ecx, trampoline_end - trampoline
            rep movsb
            mov edx, [0x7100]
            mov dword [0xFEE00310], 1 << 24      ; ICR high: APIC ID 1
            mov dword [0xFEE00300], 0x00004500   ; INIT, level assert
            mov dword [0xFEE00300], 0x00004608   ; STARTUP, vector 0x08 -> 0x8000
            mov ecx, 200000000
            .poll:
            cmp edx, [0x7100]
            jne .runs
            pause
            dec ecx
            jnz .poll
            xor eax, eax
            ret
            .runs:
            mov eax, 2
            ret

            bits 16
            trampoline:                           ; at 0x8000 in real mode, CS = 0x0800
            xor ax, ax
            mov ds, ax
            .count:
            inc dword [0x7100]
            jmp .count
            trampoline_end:
            end:
            """;

    @Test
    void aRunningApplicationProcessorWaitsForStartupAfterTheReset() throws Exception {
        Path k = dir.resolve("smp-reset.bin");
        Files.write(k, Nasm.assemble(SMP_GUEST));
        Stop stop;
        try (Machine m = new Machine(MachineConfig.forTest(16L << 20, 2, b -> { }))) {
            m.load(k, null, null);
            m.setRebootOnReset(true);
            stop = m.run(Duration.ofSeconds(60));
        }
        assertEquals(Stop.Kind.DEBUG_EXIT, stop.kind(), stop.reason());
        // second boot; the AP ran before the reset (4), stood still after it (1), ran again after INIT/STARTUP (2)
        assertEquals((0x27 << 1) | 1, stop.status(), Integer.toHexString(stop.status() >> 1));
    }

    @Test
    void withoutRebootAResetStopsTheMachine() throws Exception {
        Result r = boot("mov al, 0xFE\nout 0x64, al", false);
        assertEquals(Stop.Kind.RESET, r.stop().kind(), r.stop().reason());
        assertEquals(0, r.stop().status(), "as QEMU's -no-reboot");
        assertEquals("b\n", r.console());
        Result t = boot("lidt [nullidt]\nint3", false);
        assertEquals(Stop.Kind.SHUTDOWN, t.stop().kind(), t.stop().reason());
        assertEquals(3, t.stop().status());
    }
}

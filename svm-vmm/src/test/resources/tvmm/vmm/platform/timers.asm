; Timer frequencies against the TSC (its rate from CPUID 0x15/0x16), through the real ports:
; the 8254's channel 2 counter (gated by port 0x61, as Linux's pit_calibrate_tsc) and
; channel 0's interrupts through the 8259 (IRQ0) and then through the IOAPIC (GSI 2, the
; ISA override); the local APIC timer's count rate (which Linux takes to be the CPUID 0x15
; crystal) and its periodic interrupts. Counter rates are checked tightly (each read is
; bracketed by RDTSCs); interrupt counts loosely, since a loaded host may delay or
; coalesce ticks, but tightly enough to catch a wrong rate.

%include "lib/boot.inc"
%include "plat.inc"
%include "ticks.inc"

PIT_HZ      equ 1193182
; Interrupt periods (plat.inc measure_ticks): 20 Hz ticks over 1.5 s; at
; 50 ms a tick delayed by the host's scheduler (often 10 ms under load) is rarely lost.
TICK_HZ     equ 20
WINDOW_MS   equ 1500

test_main:
    call tsc_init
    call pic_init

    ; ---- PIT channel 2 counting down: mode 0, gate on through port 0x61 bit 0 ----
    in al, 0x61
    and al, 0xFC                ; speaker off, gate off
    or al, 0x01                 ; gate on
    out 0x61, al
    mov al, 0xB0                ; channel 2, lobyte/hibyte, mode 0, binary
    out 0x43, al
    mov al, 0xFF
    out 0x42, al
    out 0x42, al
    ; the 16-bit count wraps every 55 ms: samples 10 ms apart (at most 50 ms)
    mov esi, read_pit2
    mov ecx, 10
    mov edi, 0xFFFF
    mov edx, 1
    call counter_rate
    CHECK_RANGE eax, 1169, 1217, "PIT channel 2 count rate kHz (1193.182 nominal)"

    ; ---- PIT channel 0, mode 2 at TICK_HZ, IRQ0 through the 8259 master ----
    mov dword [hooks32 + (PIC_VECTOR + 0) * 4], pic_irq0
    mov al, 0x34
    out 0x43, al
    mov eax, (PIT_HZ + TICK_HZ / 2) / TICK_HZ
    out 0x40, al
    mov al, ah
    out 0x40, al
    xor eax, eax
    call pic_unmask
    MEASURE_TICKS TICK_HZ, WINDOW_MS, "PIT IRQ0 through the 8259 at 20 Hz"
    call pic_mask_all

    ; ---- the same through the IOAPIC: ISA IRQ0 is GSI 2 (the MADT's override) ----
    mov dword [hooks32 + 0x30 * 4], apic_tick
    mov ecx, 2
    mov eax, 0x30               ; fixed, physical, edge, active high, unmasked
    call ioapic_route
    MEASURE_TICKS TICK_HZ, WINDOW_MS, "PIT GSI 2 through the IOAPIC at 20 Hz"
    mov ecx, 2
    call ioapic_mask
    mov al, 0x30                ; PIT channel 0 stopped: mode 0, never reloaded
    out 0x43, al

    ; ---- local APIC timer: count rate with divide-by-1 ----
    mov dword [LAPIC + 0x3E0], 0x0B         ; divide by 1
    mov dword [LAPIC + 0x320], 0x10000 | 0x31 ; one-shot, masked
    mov dword [LAPIC + 0x380], 0xFFFFFFFF
    mov esi, read_lapic
    mov ecx, 20
    mov edi, -1
    mov edx, 1
    call counter_rate
    mov ebx, [crystal_hz]
    push eax
    mov eax, ebx
    xor edx, edx
    mov ecx, 1000
    div ecx
    mov ebx, eax                ; crystal kHz
    pop eax
    PRINT "LAPIC timer expected kHz (CPUID 0x15 crystal): "
    PRINTDEC ebx
    PRINT 10
    ; within 2 %
    mov ecx, ebx
    shr ecx, 6
    mov edx, ebx
    sub edx, ecx
    add ebx, ecx
    CHECK_RANGE eax, edx, ebx, "LAPIC timer count rate kHz"

    ; ---- local APIC timer periodic at TICK_HZ: crystal / 16 / TICK_HZ counts ----
    mov dword [LAPIC + 0x3E0], 0x03         ; divide by 16
    mov dword [LAPIC + 0x320], 0x20000 | 0x31 ; periodic, vector 0x31
    mov dword [hooks32 + 0x31 * 4], apic_tick
    mov eax, [crystal_hz]
    xor edx, edx
    mov ecx, 16 * TICK_HZ
    div ecx
    mov [LAPIC + 0x380], eax
    MEASURE_TICKS TICK_HZ, WINDOW_MS, "LAPIC timer periodic at 20 Hz"
    mov dword [LAPIC + 0x380], 0            ; stops the timer
    PASS

; latch channel 2 and read its count
read_pit2:
    mov al, 0x80
    out 0x43, al
    in al, 0x42
    mov ah, al
    in al, 0x42
    xchg al, ah
    movzx eax, ax
    ret

read_lapic:
    mov eax, [LAPIC + 0x390]
    ret

pic_irq0:
    call tick_stamp
    call pic_eoi_master
    ret

apic_tick:
    call tick_stamp
    call lapic_eoi
    ret

%include "lib/end.inc"

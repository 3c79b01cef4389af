; The HPET as an OS finds and uses it (IA-PC HPET specification 1.0a): its address from the
; ACPI HPET table, the capabilities (counter period, timers, legacy replacement), the main
; counter against the TSC, timer 0 one-shot and periodic through its routed IOAPIC pin,
; timer 1 level-triggered (Remote IRR, EOI, the status register), and legacy replacement
; (timer 0 takes over IRQ0 from the PIT, which is cut off).

%include "lib/boot.inc"
%include "plat.inc"
%include "ticks.inc"
%include "acpi.inc"

GCAP_ID   equ 0x000
GEN_CONF  equ 0x010
COUNTER   equ 0x0F0
T0_CONF   equ 0x100
T0_CMP    equ 0x108
T1_CONF   equ 0x120
T1_CMP    equ 0x128
GINTR_STA equ 0x020
TN_LEVEL    equ 1 << 1
LEVEL_VECTOR equ 0x41
ENABLE    equ 1
LEG_RT    equ 2
TN_INT_ENB  equ 1 << 2
TN_PERIODIC equ 1 << 3
TN_VAL_SET  equ 1 << 6
HPET_VECTOR equ 0x40

test_main:
    call tsc_init
    call pic_init
    call acpi_init
    mov eax, 'HPET'
    call acpi_find
    test eax, eax
    jnz .table
    FAIL "no HPET table in the RSDT"
.table:
    movzx ecx, byte [eax + 40]
    EXPECT ecx, 0, "HPET base address space (0 = memory)"
    EXPECT dword [eax + 48], 0, "HPET base above 4 GiB"
    mov ebx, [eax + 44]
    mov [hpet], ebx
    PRINT "HPET at 0x"
    PRINTHEX ebx
    PRINT 10
    mov ecx, [eax + 36]
    EXPECT ecx, [ebx + GCAP_ID], "table's event timer block ID vs GCAP_ID[31:0]"

    ; ---- capabilities ----
    mov eax, [ebx + GCAP_ID + 4]
    mov [period_fs], eax
    CHECK_RANGE eax, 1, 100000000, "counter period fs (spec: at most 100 ns)"
    mov eax, [ebx + GCAP_ID]
    shr eax, 8
    and eax, 0x1F
    inc eax
    CHECK_RANGE eax, 3, 32, "timers"
    mov eax, [ebx + GCAP_ID]
    test eax, 1 << 15
    jnz .leg_cap
    FAIL "LEG_RT_CAP clear"
.leg_cap:
    ; expected counter kHz = 10^12 / period_fs
    mov edx, 0xE8
    mov eax, 0xD4A51000
    div dword [period_fs]
    mov [counter_khz], eax

    ; ---- the main counter against the TSC ----
    mov dword [ebx + GEN_CONF], ENABLE
    mov esi, read_counter
    mov ecx, 20
    mov edi, -1
    xor edx, edx
    call counter_rate
    mov ecx, [counter_khz]
    PRINT "expected counter kHz: "
    PRINTDEC ecx
    PRINT 10
    mov edx, ecx
    shr edx, 6                  ; 1.6 %
    mov esi, ecx
    sub esi, edx
    add ecx, edx
    CHECK_RANGE eax, esi, ecx, "main counter kHz"

    ; ---- timer 0 one-shot, to the first IOAPIC pin its route capability allows ----
    mov ebx, [hpet]
    bsf ecx, [ebx + T0_CONF + 4]
    jnz .route
    FAIL "timer 0 cannot be routed anywhere"
.route:
    mov [gsi], ecx
    PRINT "timer 0 routed to GSI "
    PRINTDEC ecx
    PRINT 10
    mov eax, HPET_VECTOR        ; edge, active high, fixed, to APIC 0
    call ioapic_route
    mov dword [hooks32 + HPET_VECTOR * 4], hpet_irq
    mov dword [ticks], 0
    mov eax, [gsi]
    shl eax, 9
    or eax, TN_INT_ENB          ; edge, one-shot, 64-bit
    mov [ebx + T0_CONF], eax
    mov esi, mark
    call tsc_mark
    mov eax, [counter_khz]
    imul eax, eax, 10
    add eax, [ebx + COUNTER]
    mov edx, [ebx + COUNTER + 4]
    adc edx, 0
    mov [ebx + T0_CMP], eax
    mov [ebx + T0_CMP + 4], edx
.wait1:
    sti
    hlt
    cli
    cmp dword [ticks], 0
    je .wait1
    mov esi, mark
    mov edi, tick_first64
    call ms_between
    CHECK_RANGE eax, 9, 1000, "ms until the one-shot comparator (10 ms)"
    mov ecx, 60
    call halt_ms_lapic
    EXPECT dword [ticks], 1, "interrupts from the one-shot timer 60 ms later"

    ; ---- timer 0 periodic at 20 Hz ----
    mov eax, [counter_khz]
    imul eax, eax, 50
    mov [period], eax
    mov eax, [gsi]
    shl eax, 9
    or eax, TN_INT_ENB | TN_PERIODIC
    call t0_periodic
    MEASURE_TICKS 20, 1500, "HPET timer 0 periodic at 20 Hz"
    mov dword [ebx + T0_CONF], 0
    mov ecx, [gsi]
    call ioapic_mask

    ; ---- timer 1 level-triggered through a level IOAPIC pin: Remote IRR and EOI ----
    ; The first handler EOIs without clearing the timer's status bit: the line is still
    ; high, so the IOAPIC delivers again after the EOI (82093AA: Remote IRR). The second
    ; clears GINTR_STA first: no third interrupt, Remote IRR clear after its EOI.
    bsf ecx, [ebx + T1_CONF + 4]
    mov [gsi], ecx
    mov eax, LEVEL_VECTOR | (1 << 15)   ; level, active high, fixed, to APIC 0
    call ioapic_route
    mov dword [hooks32 + LEVEL_VECTOR * 4], level_irq
    mov dword [hooks32 + 0x31 * 4], wake_irq
    mov eax, [gsi]
    shl eax, 9
    or eax, TN_INT_ENB | TN_LEVEL
    mov [ebx + T1_CONF], eax
    mov eax, [counter_khz]
    imul eax, eax, 5            ; 5 ms ahead
    add eax, [ebx + COUNTER]
    mov edx, [ebx + COUNTER + 4]
    adc edx, 0
    mov [ebx + T1_CMP], eax
    mov [ebx + T1_CMP + 4], edx
    mov ecx, 300
    call halt_ms_lapic
    PRINT "level-triggered timer 1 on GSI "
    PRINTDEC [gsi]
    PRINT ": "
    PRINTDEC [level_irqs]
    PRINT " interrupts, Remote IRR set in each handler: "
    PRINTDEC [rirr_in_handler]
    PRINT 10
    EXPECT dword [level_irqs], 2, "level interrupts (again after an EOI with the line high, not after the clear)"
    EXPECT dword [rirr_in_handler], 2, "handlers that saw Remote IRR set"
    mov ecx, [gsi]
    lea eax, [0x10 + ecx * 2]
    mov [IOAPIC], eax
    mov eax, [IOAPIC + 0x10]
    and eax, 1 << 14
    EXPECT eax, 0, "Remote IRR after the last EOI"
    mov eax, [ebx + GINTR_STA]
    and eax, 2
    EXPECT eax, 0, "timer 1's GINTR_STA bit after the write-1-to-clear"
    mov dword [ebx + T1_CONF], 0
    mov ecx, [gsi]
    call ioapic_mask

    ; ---- legacy replacement: the PIT at 100 Hz on IRQ0, then timer 0 at 20 Hz takes over ----
    mov dword [hooks32 + PIC_VECTOR * 4], pic_irq0
    mov al, 0x34
    out 0x43, al
    mov eax, 11932              ; 100 Hz
    out 0x40, al
    mov al, ah
    out 0x40, al
    xor eax, eax
    call pic_unmask
    mov dword [ebx + GEN_CONF], ENABLE | LEG_RT
    mov eax, TN_INT_ENB | TN_PERIODIC
    call t0_periodic
    MEASURE_TICKS 20, 1500, "IRQ0 in legacy replacement (timer 0 at 20 Hz, the PIT at 100 Hz cut off)"
    ; back: the PIT drives IRQ0 again
    mov dword [ebx + T0_CONF], 0
    mov dword [ebx + GEN_CONF], ENABLE
    mov dword [ticks], 0
    mov ecx, 200
    call halt_ms
    CHECK_RANGE [ticks], 2, 40, "PIT ticks in 200 ms at 100 Hz after legacy replacement ends"
    PASS

; ebx = HPET, eax = T0_CONF (periodic): a 64-bit periodic timer programmed with 32-bit
; writes. VAL_SET before each half of the first comparator value (a write clears it), then
; the period's two halves (spec §2.3.9.2.2).
t0_periodic:
    push ecx
    push edx
    mov ecx, eax
    or ecx, TN_VAL_SET
    mov [ebx + T0_CONF], ecx
.read:
    mov edx, [ebx + COUNTER + 4]
    mov eax, [ebx + COUNTER]
    cmp edx, [ebx + COUNTER + 4]
    jne .read                   ; the low half wrapped between the reads
    add eax, [period]
    adc edx, 0
    mov [ebx + T0_CMP], eax
    mov [ebx + T0_CONF], ecx
    mov [ebx + T0_CMP + 4], edx
    mov eax, [period]
    mov [ebx + T0_CMP], eax
    mov dword [ebx + T0_CMP + 4], 0
    pop edx
    pop ecx
    ret

read_counter:
    mov eax, [hpet]
    mov eax, [eax + COUNTER]
    ret

; HLT-waits ecx ms with the local APIC timer as the wake-up (a one-shot HPET may never fire again)
halt_ms_lapic:
    push eax
    mov dword [hooks32 + 0x31 * 4], wake_irq
    mov dword [LAPIC + 0x3E0], 0x0B
    mov dword [LAPIC + 0x320], 0x20000 | 0x31 ; periodic, vector 0x31
    mov eax, [crystal_hz]
    shr eax, 8                  ; ~4 ms
    mov [LAPIC + 0x380], eax
    call halt_ms
    mov dword [LAPIC + 0x380], 0
    pop eax
    ret

wake_irq:
    call lapic_eoi
    ret

; timer 1's level interrupt: records Remote IRR of its pin; the first only EOIs
level_irq:
    inc dword [level_irqs]
    mov ecx, [gsi]
    lea eax, [0x10 + ecx * 2]
    mov [IOAPIC], eax
    mov eax, [IOAPIC + 0x10]
    test eax, 1 << 14
    jz .no_rirr
    inc dword [rirr_in_handler]
.no_rirr:
    cmp dword [level_irqs], 1
    je .eoi
    mov eax, [hpet]
    mov dword [eax + GINTR_STA], 2      ; write 1 to clear timer 1's status: the line falls
.eoi:
    call lapic_eoi
    ret

hpet_irq:
    call tick_stamp
    call lapic_eoi
    ret

pic_irq0:
    call tick_stamp
    call pic_eoi_master
    ret

align 4
mark:        dq 0
hpet:        dd 0
period_fs:   dd 0
counter_khz: dd 0
period:      dd 0
gsi:         dd 0
level_irqs:      dd 0
rirr_in_handler: dd 0

%include "lib/end.inc"

; The MC146818 RTC through ports 0x70/0x71 (datasheet and the PC conventions Linux's
; mc146818_get_time follows): the time read consistently outside update-in-progress and
; printed for the host to compare with its clock; BCD and binary, 24- and 12-hour formats;
; setting the time field by field under SET (day 31 before month 12) and the carry into a new century (CMOS 0x32); the update cycle
; once a second with UIP before it; register C cleared by reading; periodic, alarm and
; update-ended interrupts on IRQ8 through the cascaded 8259.

%include "lib/boot.inc"
%include "plat.inc"
%include "ticks.inc"
%include "cmos.inc"

REG_A equ 0x0A
REG_B equ 0x0B
REG_C equ 0x0C
REG_D equ 0x0D
B_SET equ 0x80
B_PIE equ 0x40
B_AIE equ 0x20
B_UIE equ 0x10
B_DM  equ 0x04              ; binary
B_24H equ 0x02
IRQ8_VECTOR equ PIC_VECTOR + 8

test_main:
    call tsc_init
    call pic_init
    mov dword [hooks32 + IRQ8_VECTOR * 4], rtc_irq
    mov al, 8
    call pic_unmask

    mov al, REG_D
    call cmos_read
    and eax, 0xFF
    PRINT "register D: 0x"
    PRINTHEX eax
    PRINT 10
    test al, 0x80
    jnz .vrt
    FAIL "VRT (valid RAM and time) is clear"
.vrt:
    mov al, REG_B
    call cmos_read
    and eax, 0xFF
    PRINT "register B at boot: 0x"
    PRINTHEX eax
    PRINT 10
    EXPECT eax, B_24H, "register B as a PC BIOS leaves it (BCD, 24 h, no interrupts)"

    ; ---- the time, in the format B gives: the host checks it against its clock ----
    call read_time
    call print_time
    mov eax, [t_sod]
    mov [sod_bcd24], eax

    ; ---- binary, 12-hour: the same time of day ----
    mov al, REG_B
    mov ah, B_DM
    call cmos_write
    call read_time
    PRINT "binary/12 h: "
    call print_time
    mov eax, [t_sod]
    sub eax, [sod_bcd24]
    jns .pos
    add eax, 86400
.pos:
    CHECK_RANGE eax, 0, 10, "binary/12 h time of day minus BCD/24 h (s)"

    ; ---- set 2099-12-31 23:59:59 with SET (binary, 24 h), watch the century carry ----
    mov al, REG_B
    mov ah, B_SET | B_DM | B_24H
    call cmos_write
    mov esi, set_values
.set:
    lodsw
    test al, al
    js .set_done
    call cmos_write
    jmp .set
.set_done:
    mov al, REG_B
    mov ah, B_DM | B_24H
    call cmos_write
    mov esi, mark
    call tsc_mark
    mov ecx, 1250
    call delay_ms
    call read_time
    PRINT "2099-12-31 23:59:59 + 1.25 s: "
    call print_time
    EXPECT dword [t_year], 2100, "year after the carry"
    EXPECT dword [t_month], 1, "month after the carry"
    EXPECT dword [t_day], 1, "day after the carry"
    ; the first update comes within a second of clearing SET: seconds = elapsed - 1 .. elapsed
    mov esi, mark
    call ms_since
    xor edx, edx
    mov ecx, 1000
    div ecx
    lea ecx, [eax + 1]
    sub eax, 1
    adc eax, 0                  ; 0 rather than -1
    CHECK_RANGE [t_sod], eax, ecx, "seconds into 2100-01-01 (elapsed s - 1 .. + 1)"

    ; ---- updates once a second; UIP seen before one ----
    ; (three changes of the seconds register: a late look moves one end of two seconds;
    ; a host stalling the vCPU at an edge moves more, so up to 3 tries)
    mov edi, 3
.second_edges:
    mov al, 0x00
    call cmos_read
    mov bl, al
    call next_second
    mov esi, mark
    call tsc_mark
    call next_second
    call next_second
    call ms_since
    shr eax, 1
    cmp eax, 800
    jb .edges_off
    cmp eax, 1200
    jbe .edges_ok
.edges_off:
    PRINT "ms per seconds update (mean of two): "
    PRINTDEC eax
    PRINT ", again", 10
    dec edi
    jnz .second_edges
.edges_ok:
    CHECK_RANGE eax, 800, 1200, "ms per seconds update (mean of two)"
    ; UIP is high for the 244 us before each update. Each poll reads A, then the seconds,
    ; between two RDTSCs. When the seconds change between poll i and poll i + 1 and both
    ; fit in 244 us (poll i's start to poll i + 1's end), poll i read A less than 244 us
    ; before the update: UIP must have been set. A busy host spaces polls further apart;
    ; such pairs then do not occur and nothing can be concluded from a clear UIP.
    mov esi, mark
    call tsc_mark
    mov ebp, [tsc_khz]
    imul ebp, ebp, 244
    mov eax, ebp
    xor edx, edx
    mov ecx, 1000
    div ecx
    mov ebp, eax                ; TSC ticks in 244 us
    mov dword [prev_sec], -1
.poll:
    inc dword [polls]
    rdtsc
    mov edi, eax                ; this poll's start
    mov al, REG_A
    call cmos_read
    mov bl, al
    mov al, 0x00
    call cmos_read
    mov bh, al
    rdtsc                       ; eax: this poll's end
    test bl, 0x80
    jz .clear
    mov dword [uip_seen], 1
.clear:
    movzx ecx, bh
    cmp dword [prev_sec], -1
    je .next_poll
    cmp ecx, [prev_sec]
    je .next_poll
    inc dword [updates_seen]
    mov edx, eax
    sub edx, [prev_start]
    cmp edx, [shortest]
    jae .longer
    mov [shortest], edx
.longer:
    cmp edx, ebp
    jae .next_poll
    inc dword [tight_pairs]
    test dword [prev_a], 0x80
    jnz .next_poll
    FAIL "UIP clear in a read less than 244 us before an update"
.next_poll:
    mov [prev_sec], ecx
    mov [prev_start], edi
    movzx ecx, bl
    mov [prev_a], ecx
    cmp dword [uip_seen], 0
    je .more
    cmp dword [tight_pairs], 0
    jne .uip_done
.more:
    call ms_since
    cmp eax, 5000
    jb .poll
.uip_done:
    PRINT "UIP: "
    PRINTDEC [polls]
    PRINT " polls, "
    PRINTDEC [updates_seen]
    PRINT " updates, "
    PRINTDEC [tight_pairs]
    PRINT " within 244 us of a poll (UIP set in all), UIP seen: "
    PRINTDEC [uip_seen]
    PRINT 10
    PRINT "UIP: the shortest two polls around an update took (us) "
    mov eax, [shortest]
    mov ecx, 1000
    mul ecx
    div dword [tsc_khz]         ; ticks * 1000 / kHz = us
    call putdec32
    PRINT 10
    cmp dword [uip_seen], 0
    jne .uip_ok
    cmp dword [tight_pairs], 0
    jne .uip_ok
    PRINT "note: the polls were too far apart to catch UIP (busy host)", 10
.uip_ok:

    ; ---- register C: PF is set at the periodic rate even with PIE off; reading clears it ----
    mov al, REG_A
    mov ah, 0x20 | 0x0C         ; 32.768 kHz time base, rate 12: 16 Hz
    call cmos_write
    mov al, REG_C
    call cmos_read
    mov ecx, 150
    call delay_ms
    mov al, REG_C
    call cmos_read
    and eax, 0xC0
    EXPECT eax, 0x40, "register C after 150 ms at 16 Hz with PIE off: PF, not IRQF"
    mov al, REG_A
    mov ah, 0x20                ; rate 0: no periodic flag any more
    call cmos_write
    mov al, REG_C
    call cmos_read
    mov al, REG_C
    call cmos_read
    and eax, 0xC0
    EXPECT eax, 0, "register C read again: cleared"

    ; ---- periodic interrupt at 16 Hz ----
    mov al, REG_A
    mov ah, 0x20 | 0x0C
    call cmos_write
    mov al, REG_B
    mov ah, B_PIE | B_DM | B_24H
    call cmos_write
    MEASURE_TICKS 16, 1500, "RTC periodic interrupt at 16 Hz"
    EXPECT dword [bad_c], 0, "register C without PF+IRQF in a periodic interrupt"
    mov al, REG_B
    mov ah, B_DM | B_24H
    call cmos_write
    mov al, REG_A
    mov ah, 0x20
    call cmos_write
    mov ecx, 20                 ; a tick the 8259 latched before PIE went off is taken here
    call run_irqs_ms

    ; ---- alarm two seconds ahead (hours and minutes "don't care") ----
    mov al, REG_C
    call cmos_read
    mov dword [ticks], 0
    mov dword [bad_c], 0
    mov al, 0x00
    call cmos_read
    movzx eax, al
    add eax, 2
    cmp eax, 60
    jb .no_wrap
    sub eax, 60
.no_wrap:
    mov [alarm_sec], eax
    mov ah, al
    mov al, 0x01
    call cmos_write
    mov ax, 0xC003
    call cmos_write
    mov ax, 0xC005
    call cmos_write
    mov dword [want_flag], 0x20
    mov esi, mark
    call tsc_mark
    mov al, REG_B
    mov ah, B_AIE | B_DM | B_24H
    call cmos_write
.alarm_wait:
    sti
    hlt
    cli
    cmp dword [ticks], 0
    je .alarm_wait              ; (no alarm at all: the host's time limit ends the run)
    mov esi, mark
    mov edi, tick_first64
    call ms_between
    CHECK_RANGE eax, 900, 5000, "ms until the alarm interrupt (alarm 2 s ahead)"
    mov eax, [irq_sec]
    PRINT "seconds at the alarm: "
    PRINTDEC eax
    PRINT ", alarm: "
    PRINTDEC [alarm_sec]
    PRINT 10
    sub eax, [alarm_sec]
    jns .apos
    add eax, 60
.apos:
    CHECK_RANGE eax, 0, 3, "seconds register in the handler minus the alarm"
    EXPECT dword [bad_c], 0, "register C without AF+IRQF in the alarm interrupt"

    ; ---- update-ended interrupts: one a second ----
    mov dword [want_flag], 0x10
    mov al, REG_C               ; UF set by the updates since the alarm: cleared, not taken
    call cmos_read
    mov al, REG_B
    mov ah, B_UIE | B_DM | B_24H
    call cmos_write
    mov dword [ticks], 0
.uf_wait:
    sti
    hlt
    cli
    cmp dword [ticks], 3
    jb .uf_wait
    mov al, REG_B
    mov ah, B_DM | B_24H
    call cmos_write
    mov esi, tick_first64
    mov edi, tick_last64
    call ms_between
    shr eax, 1
    CHECK_RANGE eax, 800, 1200, "ms per update-ended interrupt (mean of two)"
    EXPECT dword [bad_c], 0, "register C without UF+IRQF in an update interrupt"
    PASS

; bl = seconds register: polls until it changes; bl = the new value
next_second:
    mov al, 0x00
    call cmos_read
    cmp al, bl
    je next_second
    mov bl, al
    ret

; IRQ8: register C must show IRQF and the flag the test enabled; reading it re-arms IRQ8
rtc_irq:
    call tick_stamp
    mov al, REG_C
    call cmos_read
    movzx eax, al
    mov ecx, [want_flag]
    or ecx, 0x80
    and eax, ecx
    cmp eax, ecx
    je .ok
    inc dword [bad_c]
.ok:
    mov al, 0x00
    call cmos_read
    movzx eax, al
    mov [irq_sec], eax
    call pic_eoi_slave
    ret

; index, value pairs written while SET holds the clock (binary mode); ends with -1
set_values:
    db 0x00, 59, 0x02, 59, 0x04, 23, 0x07, 31, 0x08, 12, 0x09, 99, 0x32, 20
    db 0xFF, 0xFF

align 4
mark:      dq 0
polls:        dd 0
updates_seen: dd 0
tight_pairs:  dd 0
uip_seen:     dd 0
prev_sec:     dd 0
prev_start:   dd 0
prev_a:       dd 0
shortest:     dd -1
sod_bcd24: dd 0
alarm_sec: dd 0
irq_sec:   dd 0
want_flag: dd 0x40
bad_c:     dd 0

%include "lib/end.inc"

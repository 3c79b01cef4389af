; Paging in every format: 32-bit with 4 KiB and 4 MiB (PSE) pages, PAE with 4 KiB and
; 2 MiB pages and NX, 4-level with 4 KiB, 2 MiB and 1 GiB pages. Checks translations,
; accessed/dirty bits written by the walker, INVLPG, and #PF error codes and CR2 for
; not-present, write-protect, reserved-bit and no-execute faults.
%include "lib/boot.inc"
%include "lib/long.inc"

section .bss
alignb 4096
pd32:    resb 4096
pt32:    resb 4096
pdpt_pae: resb 4096
pd_pae0: resb 4096
pd_pae3: resb 4096
pt_pae:  resb 4096
page_a:  resb 4096
page_b:  resb 4096
page_c:  resb 4096
pd_hi:   resb 4096
section .text

VA equ 0xc0000000

test_main:
    mov dword [page_a], 0xaaaa0001
    mov dword [page_b], 0xbbbb0002
    mov byte [page_c], 0xc3                ; ret
    call test_32bit
    call test_pae
    mov eax, long_tests
    jmp enter_long

; ---- 32-bit paging -------------------------------------------------------------------
test_32bit:
    PRINT "paging: 32-bit", 10
    mov dword [pd32], 0 + PTE_P + PTE_RW + PTE_PS              ; 0-4 MiB identity, 4 MiB page
    mov dword [pd32 + 0x300 * 4], pt32 + PTE_P + PTE_RW
    mov dword [pd32 + 0x301 * 4], 0 + PTE_P + PTE_RW + PTE_PS  ; VA+4 MiB aliases 0-4 MiB
    mov dword [pt32], page_a + PTE_P + PTE_RW
    mov dword [pt32 + 3 * 4], page_a + PTE_P                   ; read-only alias
    mov eax, cr4
    or eax, 0x10                           ; PSE
    mov cr4, eax
    mov eax, pd32
    mov cr3, eax
    mov eax, cr0
    or eax, 0x80010000                     ; PG, WP
    mov cr0, eax
    EXPECT [VA], 0xaaaa0001, "32-bit 4 KiB page"
    EXPECT [VA + 0x400000 + page_b], 0xbbbb0002, "32-bit 4 MiB page"
    mov eax, [pt32]
    and eax, PTE_A | PTE_D
    EXPECT eax, PTE_A, "PTE accessed, not dirty after a read"
    mov eax, [pd32 + 0x300 * 4]
    and eax, PTE_A
    EXPECT eax, PTE_A, "PDE accessed"
    mov dword [VA + 4], 1
    mov eax, [pt32]
    and eax, PTE_A | PTE_D
    EXPECT eax, PTE_A | PTE_D, "PTE dirty after a write"
    mov eax, [pd32 + 0x301 * 4]
    and eax, PTE_A | PTE_D
    EXPECT eax, PTE_A, "4 MiB PDE accessed only"
    ; INVLPG after changing the mapping.
    mov dword [pt32], page_b + PTE_P + PTE_RW
    invlpg [VA]
    EXPECT [VA], 0xbbbb0002, "new mapping after INVLPG"
    ; Faults.
    EXPECT_FAULT .np
    mov eax, [VA + 0x2000]
.np:
    EXPECT [last_vector], 14, "#PF vector"
    EXPECT [last_error], 0, "not-present read error code"
    EXPECT [last_cr2], VA + 0x2000, "CR2 not-present"
    EXPECT_FAULT .wp
    mov dword [VA + 0x3010], 5
.wp:
    EXPECT [last_error], 3, "write to read-only page (P|W), WP=1"
    EXPECT [last_cr2], VA + 0x3010, "CR2 write-protect"
    mov eax, cr0
    and eax, ~0x10000                      ; WP = 0: ring 0 may write read-only pages
    mov cr0, eax
    mov dword [VA + 0x3010], 5
    EXPECT [page_a + 0x10], 5, "supervisor write with WP=0"
    mov eax, cr0
    and eax, 0x7fffffff
    mov cr0, eax
    ret

; ---- PAE ------------------------------------------------------------------------------
test_pae:
    PRINT "paging: PAE", 10
    mov dword [pdpt_pae], pd_pae0 + PTE_P
    mov dword [pdpt_pae + 3 * 8], pd_pae3 + PTE_P
    mov dword [pd_pae0], 0 + PTE_P + PTE_RW + PTE_PS               ; 0-2 MiB, 2 MiB page
    mov dword [pd_pae3], pt_pae + PTE_P + PTE_RW
    mov dword [pd_pae3 + 8], 0 + PTE_P + PTE_RW + PTE_PS           ; VA+2 MiB aliases 0-2 MiB
    mov dword [pt_pae], page_a + PTE_P + PTE_RW
    mov dword [pt_pae + 8], page_c + PTE_P + PTE_RW
    mov dword [pt_pae + 8 + 4], 0x80000000                         ; XD
    mov dword [pt_pae + 2 * 8], page_c + PTE_P + PTE_RW            ; executable alias
    mov dword [pt_pae + 3 * 8], page_a + PTE_P
    mov dword [pt_pae + 3 * 8 + 4], 0x00080000                     ; bit 51: reserved
    mov ecx, 0xc0000080
    rdmsr
    or eax, 0x800                          ; NXE
    wrmsr
    mov eax, cr4
    or eax, 0x20                           ; PAE
    mov cr4, eax
    mov eax, pdpt_pae
    mov cr3, eax
    mov eax, cr0
    or eax, 0x80010000
    mov cr0, eax
    EXPECT [VA], 0xaaaa0001, "PAE 4 KiB page"
    EXPECT [VA + 0x200000 + page_a], 0xaaaa0001, "PAE 2 MiB page"
    mov eax, [pd_pae3 + 8]
    and eax, PTE_A | PTE_D
    EXPECT eax, PTE_A, "PAE 2 MiB PDE accessed"
    call VA + 0x2000                        ; executable alias runs the RET
    EXPECT_FAULT .nx
    call VA + 0x1000
.nx:
    add esp, 4                              ; the CALL pushed its return address before the fetch faulted
    EXPECT [last_eip], VA + 0x1000, "NX fault reported at the call target"
    EXPECT [last_error], 0x11, "fetch from NX page (P|I/D)"
    EXPECT [last_cr2], VA + 0x1000, "CR2 NX"
    EXPECT_FAULT .rsvd
    mov eax, [VA + 0x3000]
.rsvd:
    mov eax, [last_error]
    RSVD_ERROR eax
    EXPECT eax, 9, "reserved bit 51 (P|RSVD)"
    EXPECT_FAULT .np
    mov dword [VA + 0x5000], 0
.np:
    EXPECT [last_error], 2, "not-present write (W)"
    mov eax, cr0
    and eax, 0x7fffffff
    mov cr0, eax
    mov eax, cr4
    and eax, ~0x30
    mov cr4, eax
    mov ecx, 0xc0000080
    rdmsr
    and eax, ~0x800
    wrmsr
    ret

; ---- 4-level --------------------------------------------------------------------------
bits 64
long_tests:
    PRINT "paging: 4-level", 10
    ; 4 KiB page: pt0 entry 0x1f0 (VA 0x1f0000) → page_b; 0x1f1 not present.
    mov rax, page_b + PTE_P + PTE_RW
    mov [pt0 + 0x1f0 * 8], rax
    mov qword [pt0 + 0x1f1 * 8], 0
    invlpg [0x1f0000]
    invlpg [0x1f1000]
    mov eax, [0x1f0000]
    EXPECT rax, 0xbbbb0002, "4-level 4 KiB page"
    mov rax, [pt0 + 0x1f0 * 8]
    and rax, PTE_A | PTE_D
    EXPECT rax, PTE_A, "4-level PTE accessed"
    mov rax, [pdpt]
    and rax, PTE_A
    EXPECT rax, PTE_A, "PDPTE accessed"
    EXPECT_FAULT .np
    mov rax, [0x1f1008]
.np:
    EXPECT qword [last_vector], 14, "#PF"
    EXPECT qword [last_error], 0, "not present"
    EXPECT qword [last_cr2], 0x1f1008, "CR2"
    ; 2 MiB page at VA 0x4000_0000 (PDPT entry 1) → physical 0.
    mov rax, pd_hi + PTE_P + PTE_RW
    mov [pdpt + 8], rax
    mov qword [pd_hi], PTE_P + PTE_RW + PTE_PS
    mov eax, [0x40000000 + page_a]
    EXPECT rax, 0xaaaa0001, "4-level 2 MiB page"
    ; A non-canonical address is #GP, not #PF.
    EXPECT_FAULT .gp
    mov rax, 0x0000800000000000
    mov rax, [rax]
.gp:
    EXPECT qword [last_vector], 13, "non-canonical access is #GP"
    EXPECT qword [last_error], 0, "#GP(0)"
    ; Reserved: PS in a PML4E.
    mov rax, [pml4]
    mov [pml4 + 8], rax
    or qword [pml4 + 8], PTE_PS
    EXPECT_FAULT .rsvd
    mov rax, 0x0000008000000000
    mov rax, [rax]
.rsvd:
    mov rax, [last_error]
    RSVD_ERROR rax
    EXPECT rax, 9, "PS in PML4E is reserved"
    mov qword [pml4 + 8], 0
    ; 1 GiB page, if CPUID says so (tvmm advertises it).
    mov eax, 0x80000001
    cpuid
    bt edx, 26
    jnc .no1g
    mov qword [pdpt + 16], PTE_P + PTE_RW + PTE_PS       ; VA 0x8000_0000 → physical 0
    mov rbx, 0x80000000 + page_a        ; above 2 GiB: no 32-bit absolute displacement
    mov eax, [rbx]
    EXPECT rax, 0xaaaa0001, "4-level 1 GiB page"
    mov rax, [pdpt + 16]
    and rax, PTE_A | PTE_D
    EXPECT rax, PTE_A, "1 GiB PDPTE accessed"
    mov qword [rbx + 8], 7
    mov rax, [pdpt + 16]
    and rax, PTE_A | PTE_D
    EXPECT rax, PTE_A | PTE_D, "1 GiB PDPTE dirty"
    jmp .done
.no1g:
    PRINT "paging: no 1 GiB pages advertised", 10
.done:
    PASS
bits 32
%include "lib/end.inc"

; SPDX-License-Identifier: MIT
; x86_64 boot: multiboot1 + multiboot2 headers and the 32->64-bit start.
; GRUB (multiboot2) and QEMU -kernel (multiboot1, a.out kludge) both enter
; _start in 32-bit protected mode, paging off. We copy the boot information
; somewhere safe, build temporary page tables, enter long mode and jump to
; the higher half, where x86_64_start() takes over.

KVMA            equ 0xffffffff80000000      ; kernel image virtual base - physical
PAGE_OFFSET_L4  equ 273                     ; PML4 slot of the direct map 0xffff888000000000
MB1_MAGIC       equ 0x1badb002
MB1_FLAGS       equ 0x00010003              ; page-align modules, memory info, a.out kludge (bit 16)
MB2_MAGIC       equ 0xe85250d6
BOOTINFO_MAX    equ 32768

extern __load_start, __load_end, __bss_end, x86_64_start, boot_stack_top

section .multiboot
align 4
mb1_header:
        dd MB1_MAGIC
        dd MB1_FLAGS
        dd -(MB1_MAGIC + MB1_FLAGS)
        dd mb1_header                       ; header_addr (physical: this section is low)
        dd __load_start                     ; load_addr
        dd __load_end                       ; load_end_addr
        dd __bss_end                        ; bss_end_addr
        dd _start                           ; entry_addr
align 8
mb2_header:
        dd MB2_MAGIC
        dd 0                                ; architecture: i386 protected mode
        dd mb2_header_end - mb2_header
        dd -(MB2_MAGIC + 0 + (mb2_header_end - mb2_header))
        dw 0, 0                             ; end tag
        dd 8
mb2_header_end:

section .boot.data progbits alloc write
align 16
; The loader's info block, copied here before anything else touches memory
; (GRUB may place it where our .bss will be).
global boot_info_copy, boot_magic
boot_magic:     dd 0
                dd 0
boot_info_copy: times BOOTINFO_MAX db 0

align 8
gdt64:
        dq 0
        dq 0x00af9a000000ffff               ; 0x08: 64-bit code, DPL0
        dq 0x00cf92000000ffff               ; 0x10: data
gdt64_end:
gdt64_ptr:
        dw gdt64_end - gdt64 - 1
        dq gdt64

section .boot.text progbits alloc exec
bits 32
global _start
_start:
        cli
        cld
        mov [boot_magic], eax
        ; Copy the info block: multiboot2 gives its size in the first dword;
        ; multiboot1's fixed part is 120 bytes (its pointers go to low memory,
        ; which we never reuse).
        mov esi, ebx
        mov edi, boot_info_copy
        mov ecx, 120
        cmp eax, 0x36d76289
        jne .copy
        mov ecx, [ebx]
        cmp ecx, BOOTINFO_MAX
        jbe .copy
        mov ecx, BOOTINFO_MAX
.copy:
        rep movsb

        ; Temporary page tables (in .bss, reached through their physical
        ; addresses): PML4[0] identity, PML4[273] direct map, PML4[511] the
        ; kernel image; all three point at one PD of 512 x 2 MiB pages = 0..1 GiB.
        mov edi, boot_pml4 - KVMA
        xor eax, eax
        mov ecx, (4096 * 4) / 4
        rep stosd
        mov eax, boot_pdpt_low - KVMA
        or eax, 3
        mov [boot_pml4 - KVMA], eax
        mov [boot_pml4 - KVMA + PAGE_OFFSET_L4 * 8], eax
        mov eax, boot_pdpt_high - KVMA
        or eax, 3
        mov [boot_pml4 - KVMA + 511 * 8], eax
        mov eax, boot_pd - KVMA
        or eax, 3
        mov [boot_pdpt_low - KVMA], eax
        mov [boot_pdpt_high - KVMA + 510 * 8], eax
        mov edi, boot_pd - KVMA
        mov eax, 0x83                       ; present, writable, 2 MiB page
        mov ecx, 512
.fill_pd:
        mov [edi], eax
        add eax, 0x200000
        add edi, 8
        loop .fill_pd

        mov eax, boot_pml4 - KVMA
        mov cr3, eax
        mov eax, cr4
        or eax, 1 << 5                      ; PAE
        mov cr4, eax
        mov ecx, 0xc0000080                 ; EFER
        rdmsr
        or eax, (1 << 8) | (1 << 11)        ; LME, NXE
        wrmsr
        mov eax, cr0
        or eax, (1 << 31) | (1 << 16) | 1   ; PG, WP, PE
        mov cr0, eax
        lgdt [gdt64_ptr]
        jmp 0x08:long_mode_low

bits 64
long_mode_low:
        mov ax, 0x10
        mov ds, ax
        mov es, ax
        mov ss, ax
        xor ax, ax
        mov fs, ax
        mov gs, ax
        mov rax, higher_half
        jmp rax

section .text
higher_half:
        mov rsp, boot_stack_top
        xor ebp, ebp                        ; ends every frame-pointer walk
        push 0                              ; fake return address: the walk ends here
        call x86_64_start
.hang:
        cli
        hlt
        jmp .hang

section .bss
align 4096
global boot_pml4
boot_pml4:      resb 4096
boot_pdpt_low:  resb 4096
boot_pdpt_high: resb 4096
boot_pd:        resb 4096

section .note.GNU-stack noalloc noexec nowrite progbits

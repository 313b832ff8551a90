# bash completion for decl (Declarative). Load it in this shell with
#     source <(decl completion bash)
# or for every shell: decl completion bash > ~/.local/share/bash-completion/completions/decl
# Every Tab asks decl itself (`decl complete -- WORD...`), so commands, options, the environments of the project in
# the folder and the revisions for --to always match the installed version.
_decl_complete() {
    local IFS=$'\n'
    local -a candidates
    candidates=($(command "${COMP_WORDS[0]}" complete -- "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
    COMPREPLY=("${candidates[@]}")
}
# nosort: decl orders the candidates (the newest revision first).
complete -o default -o nosort -F _decl_complete decl

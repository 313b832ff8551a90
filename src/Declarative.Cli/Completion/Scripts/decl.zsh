#compdef decl
# zsh completion for decl (Declarative). Load it in this shell (after compinit) with
#     source <(decl completion zsh)
# or for every shell: decl completion zsh > "${fpath[1]}/_decl"
# Every Tab asks decl itself (`decl complete -- WORD...`), so commands, options, the environments of the project in
# the folder and the revisions for --to always match the installed version.
_decl() {
    local -a candidates
    candidates=("${(@f)$(command "${words[1]}" complete -- "${(@)words[2,CURRENT]}" 2>/dev/null)}")
    candidates=(${candidates:#})
    if (( ${#candidates} )); then
        compadd -Q -- "${candidates[@]}"
    else
        _files
    fi
}
if (( $+functions[compdef] )); then
    compdef _decl decl
fi

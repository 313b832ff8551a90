# fish completion for decl (Declarative). Load it in this shell with
#     decl completion fish | source
# or for every shell: decl completion fish > ~/.config/fish/completions/decl.fish
# Every Tab asks decl itself (`decl complete -- WORD...`), so commands, options, the environments of the project in
# the folder and the revisions for --to always match the installed version. Where decl offers nothing (a DIR, a
# values file), paths complete.
function __decl_complete
    set -l words (commandline -opc)
    # Quoted below, so that an empty word (Tab after a space) is still passed.
    set -l current (commandline -ct)
    set -l candidates (command $words[1] complete -- $words[2..-1] "$current" 2>/dev/null)
    if test (count $candidates) -gt 0
        printf '%s\n' $candidates
    else
        __fish_complete_path "$current"
    end
end
complete -c decl -f -a '(__decl_complete)'

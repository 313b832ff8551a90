# fish completion for decl (Declarative). Load it in this shell with
#     decl completion fish | source
# or for every shell: decl completion fish > ~/.config/fish/completions/decl.fish
# Every Tab asks decl itself (`decl complete -- WORD...`), so commands, options, the environments of the project in
# the folder and the revisions for --to always match the installed version.
function __decl_complete
    set -l words (commandline -opc)
    # Quoted, so that an empty word (Tab after a space) is still passed.
    set -l current (commandline -ct)
    command $words[1] complete -- $words[2..-1] "$current" 2>/dev/null
end
complete -c decl -a '(__decl_complete)'

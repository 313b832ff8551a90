# PowerShell completion for decl (Declarative). Load it in this session with
#     decl completion pwsh | Out-String | Invoke-Expression
# or for every session: add that line to $PROFILE.
# Every Tab asks decl itself (`decl complete -- WORD...`), so commands, options, the environments of the project in
# the folder and the revisions for --to always match the installed version.
Register-ArgumentCompleter -Native -CommandName decl -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $words = @($commandAst.CommandElements |
        Where-Object { $_.Extent.EndOffset -le $cursorPosition } |
        Select-Object -Skip 1 |
        ForEach-Object { $_.ToString() })
    if ($wordToComplete -eq '') {
        $words += ''
    }
    & $commandAst.CommandElements[0].ToString() complete -- @words 2>$null | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
    }
}

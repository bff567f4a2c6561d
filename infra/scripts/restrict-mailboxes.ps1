<#
.SYNOPSIS
    Limits InterviewScheduler's mailbox access to the recruiting, organizer and interviewer mailboxes, with Exchange
    Online RBAC for Applications. Run once by an Exchange administrator; azd does not run it.

.DESCRIPTION
    Microsoft Graph application permissions granted in Microsoft Entra ID (Calendars.ReadWrite, Mail.Send, ...) reach
    every mailbox in the tenant. RBAC for Applications grants the same permissions in Exchange Online, limited to a
    management scope: here, the members of one mail-enabled security group.

    Grants in Entra ID and in Exchange add up: a tenant-wide Entra grant still reaches every mailbox. So provision with
        azd env set GRAPH_MAILBOX_ACCESS exchange-rbac
    (grant-graph-permissions.sh then grants no mailbox permission in Entra ID), and remove any mailbox permission
    granted earlier (Entra admin center > Enterprise applications > the identity > Permissions).

    The group must contain the recruiting (sender) mailbox, the organizer mailbox and every interviewer. Exchange
    does not expand nested groups in a scope filter: add members directly. Changes take up to an hour to apply.

.PARAMETER ClientId
    Client (application) id of the app's user-assigned identity: `azd env get-value MANAGED_IDENTITY_CLIENT_ID`.

.PARAMETER PrincipalId
    Object id of its service principal: `azd env get-value MANAGED_IDENTITY_PRINCIPAL_ID`.

.PARAMETER Group
    Name, alias or address of the mail-enabled security group of the mailboxes the app may use.

.EXAMPLE
    ./restrict-mailboxes.ps1 -ClientId 11111111-... -PrincipalId 22222222-... -Group interview-scheduler-mailboxes@contoso.com
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [guid] $ClientId,
    [Parameter(Mandatory)] [guid] $PrincipalId,
    [Parameter(Mandatory)] [string] $Group,
    [string] $DisplayName = 'InterviewScheduler',
    [string] $ScopeName = 'InterviewScheduler mailboxes',
    # The Exchange application roles matching the Graph permissions the service uses (see infra/README.md).
    [string[]] $Roles = @(
        'Application Calendars.ReadWrite',
        'Application Mail.Send',
        'Application Mail.ReadWrite',
        'Application MailboxSettings.Read'
    )
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

Import-Module ExchangeOnlineManagement
if (-not (Get-ConnectionInformation)) {
    Connect-ExchangeOnline -ShowBanner:$false
}

# Exchange keeps its own pointer to the Entra service principal; role assignments name it.
$known = Get-ServicePrincipal -Identity $ClientId.ToString() -ErrorAction SilentlyContinue
if (-not $known -and $PSCmdlet.ShouldProcess($DisplayName, 'New-ServicePrincipal')) {
    New-ServicePrincipal -AppId $ClientId.ToString() -ObjectId $PrincipalId.ToString() -DisplayName $DisplayName | Out-Null
}

# The scope filter needs the group's distinguished name.
$groupDn = (Get-Group -Identity $Group).DistinguishedName
$filter = "MemberOfGroup -eq '$groupDn'"
$scope = Get-ManagementScope -Identity $ScopeName -ErrorAction SilentlyContinue
if (-not $scope) {
    if ($PSCmdlet.ShouldProcess($ScopeName, 'New-ManagementScope')) {
        New-ManagementScope -Name $ScopeName -RecipientRestrictionFilter $filter | Out-Null
    }
}
elseif ($scope.RecipientFilter -ne $filter -and $PSCmdlet.ShouldProcess($ScopeName, 'Set-ManagementScope')) {
    Set-ManagementScope -Identity $ScopeName -RecipientRestrictionFilter $filter
}

foreach ($role in $Roles) {
    # A fixed name per role makes the script safe to run again.
    $name = "$DisplayName - $role"
    if (Get-ManagementRoleAssignment -Identity $name -ErrorAction SilentlyContinue) {
        Write-Host "${role}: already assigned."
        continue
    }

    if ($PSCmdlet.ShouldProcess($name, 'New-ManagementRoleAssignment')) {
        New-ManagementRoleAssignment -Name $name -App $ClientId.ToString() -Role $role -CustomResourceScope $ScopeName | Out-Null
        Write-Host "${role}: assigned for the members of ${Group}."
    }
}

Write-Host "Check a mailbox with: Test-ServicePrincipalAuthorization -Identity $ClientId -Resource <mailbox address>"

<#
.SYNOPSIS
    Limits InterviewScheduler's mailbox access with Exchange Online RBAC for Applications: each group of mailboxes gets
    only the permissions the app uses on it. Run once by an Exchange administrator; azd does not run it.

.DESCRIPTION
    Microsoft Graph application permissions granted in Microsoft Entra ID (Calendars.ReadWrite, Mail.Send, ...) reach
    every mailbox in the tenant. RBAC for Applications grants the same permissions in Exchange Online, each limited to
    a management scope: here, the members of one mail-enabled security group per kind of mailbox.
    https://learn.microsoft.com/exchange/permissions-exo/application-rbac

      senders       the mailboxes acknowledgments are sent from (Mail:SenderMailbox, Mail:SenderMailboxes)
                    Mail.ReadWrite  create the acknowledgment as a draft; find it again by its marker before a retry
                    Mail.Send       send that draft
      organizer     the mailbox that organizes interviews and debriefs (Scheduling:OrganizerMailbox)
                    Calendars.ReadWrite  create, move, cancel and read its events; free/busy; change notifications
      interviewers  everyone who may sit on a panel or a debrief, and the debrief recruiter
                    Calendars.Read  their free/busy and working hours (calendar: getSchedule). Graph's least permission
                                    for getSchedule is Calendars.ReadBasic, which Exchange has no application role for.

    The table in infra/README.md lists the same permissions with the Graph calls that need them, and a test checks
    that this script, grant-graph-permissions.sh and both READMEs agree. User.ReadBasic.All (the people search) is a
    directory permission: Entra ID grants it (grant-graph-permissions.sh), Exchange cannot scope it.

    Grants in Entra ID and in Exchange add up: a tenant-wide Entra grant still reaches every mailbox. So provision with
        azd env set GRAPH_MAILBOX_ACCESS exchange-rbac
    (grant-graph-permissions.sh then grants no mailbox permission in Entra ID), and remove any mailbox permission
    granted earlier (Entra admin center > Enterprise applications > the identity > Permissions).

    Exchange does not expand nested groups in a scope filter: add members directly. A mailbox may be in several
    groups (an interviewer who also organizes). Assignments this script made earlier that are no longer wanted (a
    permission dropped, or the single scope of its earlier versions) are removed. Changes take up to an hour to apply.

.PARAMETER ClientId
    Client (application) id of the app's user-assigned identity: `azd env get-value MANAGED_IDENTITY_CLIENT_ID`.

.PARAMETER PrincipalId
    Object id of its service principal: `azd env get-value MANAGED_IDENTITY_PRINCIPAL_ID`.

.PARAMETER SenderGroup
    Name, alias or address of the mail-enabled security group of the sender mailboxes.

.PARAMETER OrganizerGroup
    The group holding the organizer mailbox.

.PARAMETER InterviewerGroup
    The group of interviewers (and the debrief recruiter).

.EXAMPLE
    ./restrict-mailboxes.ps1 -ClientId 11111111-... -PrincipalId 22222222-... `
        -SenderGroup interview-scheduler-senders@contoso.com `
        -OrganizerGroup interview-scheduler-organizer@contoso.com `
        -InterviewerGroup interviewers@contoso.com
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [guid] $ClientId,
    [Parameter(Mandatory)] [guid] $PrincipalId,
    [Parameter(Mandatory)] [string] $SenderGroup,
    [Parameter(Mandatory)] [string] $OrganizerGroup,
    [Parameter(Mandatory)] [string] $InterviewerGroup,
    [string] $DisplayName = 'InterviewScheduler',
    # The Exchange application roles ("Application <Graph permission>") each group gets; see infra/README.md.
    [string[]] $SenderRoles = @('Application Mail.ReadWrite', 'Application Mail.Send'),
    [string[]] $OrganizerRoles = @('Application Calendars.ReadWrite'),
    [string[]] $InterviewerRoles = @('Application Calendars.Read')
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

# One management scope per group: its members, by the group's distinguished name.
function Set-GroupScope([string] $ScopeName, [string] $Group) {
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
}

$groups = @(
    @{ Kind = 'senders'; Group = $SenderGroup; Roles = $SenderRoles },
    @{ Kind = 'organizer'; Group = $OrganizerGroup; Roles = $OrganizerRoles },
    @{ Kind = 'interviewers'; Group = $InterviewerGroup; Roles = $InterviewerRoles }
)

$wanted = @()
foreach ($entry in $groups) {
    $scopeName = "$DisplayName $($entry.Kind)"
    Set-GroupScope -ScopeName $scopeName -Group $entry.Group
    foreach ($role in $entry.Roles) {
        # A fixed name per group and role makes the script safe to run again.
        $name = "$DisplayName - $($entry.Kind) - $role"
        $wanted += $name
        if (Get-ManagementRoleAssignment -Identity $name -ErrorAction SilentlyContinue) {
            Write-Host "${role} for $($entry.Group): already assigned."
            continue
        }

        if ($PSCmdlet.ShouldProcess($name, 'New-ManagementRoleAssignment')) {
            New-ManagementRoleAssignment -Name $name -App $ClientId.ToString() -Role $role -CustomResourceScope $scopeName | Out-Null
            Write-Host "${role}: assigned for the members of $($entry.Group)."
        }
    }
}

# Exactly these: an assignment of ours that is not wanted any more would keep access the app no longer needs.
foreach ($old in @(Get-ManagementRoleAssignment | Where-Object { $_.Name -like "$DisplayName - *" -and $wanted -notcontains $_.Name })) {
    if ($PSCmdlet.ShouldProcess($old.Name, 'Remove-ManagementRoleAssignment')) {
        Remove-ManagementRoleAssignment -Identity $old.Name -Confirm:$false
        Write-Host "$($old.Name): removed (no longer needed)."
    }
}

Write-Host "Check a mailbox with: Test-ServicePrincipalAuthorization -Identity $ClientId -Resource <mailbox address>"

namespace CareCoordination.Web.Tests.Security;

/// <summary>
/// Who may use which handler: the data behind <see cref="AuthorizationMatrix"/>. One line per route and handler, one column
/// per role. A cell is the answer for a record the role may see, or "own|other" when the answer differs for another member's
/// record (and for a foreign id, e.g. another member's order in one's own member's route), which must look like one that
/// does not exist.
///
/// Words: 200 = the page, or the form back with its errors; posted = 200 or a redirect to a result (the POST reached its
/// handler); redirect = a redirect that is not a refusal; login = 302 to sign-in; denied = 302 to access denied;
/// 400/401/403/404 = that status. POSTs carry a valid antiforgery token and only the form's hidden fields: the point is who
/// gets in, not what is saved. Targets may add query values the page needs ({placeholders} are filled with real ids).
///
/// A page or handler the app gains without a line here fails the matrix, naming it: add its line.
/// </summary>
public static class AuthorizationExpectations
{
    public const string Table = """
        method target                                                           anonymous pcp      bh       caremanager admin    locked   privacy
        // Anonymous pages, and what every page answers without a session
        GET    /                                                                login     200      200      200      200      login       200
        GET    /Account/Login                                                   200       redirect redirect redirect redirect 200         redirect
        // A locked-out session has ended: the sign-in form it is shown posts back (and refuses the account)
        POST   /Account/Login                                                   200       200      200      200      200      200         200
        GET    /Account/Logout                                                  login     redirect redirect redirect redirect login       redirect
        POST   /Account/Logout                                                  login     redirect redirect redirect redirect login       redirect
        GET    /Account/AccessDenied                                            login     403      403      403      403      login       403
        // Two-factor sign-in: the code steps need the password step first; each signed-in person manages their own
        GET    /Account/LoginWith2fa                                            redirect  redirect redirect redirect redirect redirect    redirect
        POST   /Account/LoginWith2fa                                            redirect  redirect redirect redirect redirect 400         redirect
        GET    /Account/LoginWithRecoveryCode                                   redirect  redirect redirect redirect redirect redirect    redirect
        POST   /Account/LoginWithRecoveryCode                                   redirect  redirect redirect redirect redirect 400         redirect
        GET    /Account/TwoFactor                                               login     200      200      200      200      login       200
        POST   /Account/TwoFactor?handler=Start                                 login     posted   posted   posted   posted   login       posted
        POST   /Account/TwoFactor?handler=Enable                                login     posted   posted   posted   posted   login       posted
        POST   /Account/TwoFactor?handler=RecoveryCodes                         login     posted   posted   posted   posted   login       posted
        POST   /Account/TwoFactor?handler=TurnOff                               login     posted   posted   posted   posted   login       posted
        // Coordination reports: care managers and administrators (supervisors); member lists' CSVs for care managers only
        GET    /Reports                                                         login     denied   denied   200      200      login       denied
        GET    /Reports/Exchange                                                login     denied   denied   200      200      login       denied
        GET    /Reports/Exchange?handler=Export                                 login     denied   denied   200      200      login       denied
        GET    /Reports/PsychotropicStarts                                      login     denied   denied   200      200      login       denied
        GET    /Reports/PsychotropicStarts?handler=Export                       login     denied   denied   200      denied   login       denied
        GET    /Reports/Consent                                                 login     denied   denied   200      200      login       denied
        GET    /Reports/Consent?handler=ExportSud                               login     denied   denied   200      denied   login       denied
        GET    /Reports/Consent?handler=ExportBlocked                           login     denied   denied   200      denied   login       denied
        GET    /Reports/Monitoring                                              login     denied   denied   200      200      login       denied
        GET    /Reports/Monitoring?handler=ExportLevels                         login     denied   denied   200      denied   login       denied
        GET    /Reports/Monitoring?handler=ExportMetabolic                      login     denied   denied   200      denied   login       denied
        GET    /Reports/Workload                                                login     denied   denied   200      200      login       denied
        GET    /Reports/Workload?handler=Export                                 login     denied   denied   200      200      login       denied
        GET    /Error                                                           200       200      200      200      200      200         200
        POST   /Error                                                           200       200      200      200      200      200         200
        GET    /StatusCode/{code}                                               200       200      200      200      200      200         200
        POST   /StatusCode/{code}                                               200       200      200      200      200      200         200
        GET    /health/live                                                     200       200      200      200      200      200         200
        GET    /health/ready                                                    200       200      200      200      200      200         200
        // CDS Hooks: a bearer JWT from a trusted EHR, never the sign-in cookie
        GET    /cds-services                                                    401       401      401      401      401      401         401
        POST   /cds-services/{id}                                               401       401      401      401      401      401         401
        // Members and their records (decision 0002): clinical roles, each limited to the members it may see
        GET    /Members                                                         login     200      200      200      denied   login       denied
        POST   /Members                                                         login     200      200      200      denied   login       denied
        GET    /Members/{id}                                                    login     200|404  200|404  200|404  denied   login       denied
        GET    /Members/{memberId}/Events/{eventId}                             login     200|404  200|404  200|404  denied   login       denied
        // Emergency access ("break the glass"): treating clinicians only, for a member outside their care
        GET    /Members/Emergency                                               login     200      200      denied   denied   login       denied
        POST   /Members/Emergency                                               login     200      200      denied   denied   login       denied
        // PCP findings
        GET    /Members/{memberId}/Findings/New                                 login     200|404  denied   denied   denied   login       denied
        POST   /Members/{memberId}/Findings/New                                 login     200|404  denied   denied   denied   login       denied
        // Lab results that monitor medications: treating clinicians
        GET    /Members/{memberId}/Labs/New                                     login     200|404  200|404  denied   denied   login       denied
        POST   /Members/{memberId}/Labs/New                                     login     200|404  200|404  denied   denied   login       denied
        // BH prescribing and assessments
        GET    /Members/{memberId}/Prescriptions                                login     denied   200|404  denied   denied   login       denied
        GET    /Members/{memberId}/Prescriptions/New                            login     denied   200|404  denied   denied   login       denied
        POST   /Members/{memberId}/Prescriptions/New                            login     denied   200|404  denied   denied   login       denied
        GET    /Members/{memberId}/Prescriptions/{orderId}/Change               login     denied   200|404  denied   denied   login       denied
        POST   /Members/{memberId}/Prescriptions/{orderId}/Change               login     denied   200|404  denied   denied   login       denied
        GET    /Members/{memberId}/Prescriptions/{orderId}/Stop                 login     denied   200|404  denied   denied   login       denied
        POST   /Members/{memberId}/Prescriptions/{orderId}/Stop                 login     denied   200|404  denied   denied   login       denied
        GET    /Members/{memberId}/Assessments/Intake                           login     denied   200|404  denied   denied   login       denied
        POST   /Members/{memberId}/Assessments/Intake                           login     denied   200|404  denied   denied   login       denied
        GET    /Members/{memberId}/Assessments/Condition                        login     denied   200|404  denied   denied   login       denied
        POST   /Members/{memberId}/Assessments/Condition                        login     denied   200|404  denied   denied   login       denied
        GET    /Members/{memberId}/Assessments/Treatment                        login     denied   200|404  denied   denied   login       denied
        POST   /Members/{memberId}/Assessments/Treatment                        login     denied   200|404  denied   denied   login       denied
        // Releases: any clinical role; protected content only to treating clinicians, for themselves
        GET    /Members/{memberId}/Releases                                     login     200|404  200|404  200|404  denied   login       200|404
        GET    /Members/{memberId}/Releases/New                                 login     200|404  200|404  200|404  denied   login       200|404
        POST   /Members/{memberId}/Releases/New                                 login     200|404  200|404  200|404  denied   login       200|404
        GET    /Members/{memberId}/Releases/{releaseId}/Document                login     200|404  200|404  200|404  denied   login       200|404
        GET    /Members/{memberId}/Releases/{releaseId}/Revoke                  login     200|404  200|404  200|404  denied   login       200|404
        POST   /Members/{memberId}/Releases/{releaseId}/Revoke                  login     200|404  200|404  200|404  denied   login       200|404
        GET    /Members/{memberId}/Releases/Request?content=PsychotherapyNotes  login     200|404  200|404  denied   denied   login       denied
        POST   /Members/{memberId}/Releases/Request?content=PsychotherapyNotes  login     200|404  200|404  denied   denied   login       denied
        GET    /Members/{memberId}/Releases/Disclosures/{disclosureId}          login     200|404  200|404  denied   denied   login       denied
        GET    /Members/{memberId}/Releases/Accounting                          login     200|404  200|404  200|404  denied   login       200|404
        // Verifying a release: the page answers whoever may see the releases (it says when they may not verify)
        GET    /Members/{memberId}/Releases/{releaseId}/Verify                  login     200|404  200|404  200|404  denied   login       200|404
        POST   /Members/{memberId}/Releases/{releaseId}/Verify?handler=Verify   login     200|404  200|404  200|404  denied   login       200|404
        POST   /Members/{memberId}/Releases/{releaseId}/Verify?handler=Refuse   login     200|404  200|404  200|404  denied   login       200|404
        // The privacy office's queues: its own role only
        GET    /Privacy                                                         login     denied   denied   denied   denied   login       200
        GET    /Privacy/Grants/{id}                                             login     denied   denied   denied   denied   login       200|404
        POST   /Privacy/Grants/{id}?handler=Approve                             login     denied   denied   denied   denied   login       posted|404
        POST   /Privacy/Grants/{id}?handler=Decline                             login     denied   denied   denied   denied   login       posted|404
        POST   /Privacy/Grants/{id}?handler=Review                              login     denied   denied   denied   denied   login       posted|404
        // The PCP's inbox: only messages sent to this PCP
        GET    /Inbox                                                           login     200      denied   denied   denied   login       denied
        POST   /Inbox?handler=Acknowledge&messageId={messageId}                 login     posted|404 denied denied   denied   login       denied
        // The care managers' queue
        GET    /Queue                                                           login     denied   denied   200      denied   login       denied
        GET    /Queue/{taskId}                                                  login     denied   denied   200|404  denied   login       denied
        POST   /Queue/{taskId}?handler=Claim                                    login     denied   denied   posted|404 denied login       denied
        POST   /Queue/{taskId}?handler=Reassign                                 login     denied   denied   posted|404 denied login       denied
        POST   /Queue/{taskId}?handler=ContactAttempt                           login     denied   denied   posted|404 denied login       denied
        POST   /Queue/{taskId}?handler=WaitOnProvider                           login     denied   denied   posted|404 denied login       denied
        POST   /Queue/{taskId}?handler=Resume                                   login     denied   denied   posted|404 denied login       denied
        POST   /Queue/{taskId}?handler=Complete                                 login     denied   denied   posted|404 denied login       denied
        POST   /Queue/{taskId}?handler=Cancel                                   login     denied   denied   posted|404 denied login       denied
        POST   /Queue/{taskId}?handler=Reopen                                   login     denied   denied   posted|404 denied login       denied
        // Administration: the directory, accounts, care relationships and rule settings; no clinical records
        GET    /Admin                                                           login     denied   denied   denied   200      login       denied
        GET    /Admin/Groups                                                    login     denied   denied   denied   200      login       denied
        GET    /Admin/Groups/New                                                login     denied   denied   denied   200      login       denied
        POST   /Admin/Groups/New                                                login     denied   denied   denied   200      login       denied
        GET    /Admin/Groups/{id}/Edit                                          login     denied   denied   denied   200|404  login       denied
        POST   /Admin/Groups/{id}/Edit                                          login     denied   denied   denied   200|404  login       denied
        GET    /Admin/Providers                                                 login     denied   denied   denied   200      login       denied
        GET    /Admin/Providers/New                                             login     denied   denied   denied   200      login       denied
        POST   /Admin/Providers/New                                             login     denied   denied   denied   200      login       denied
        GET    /Admin/Providers/{id}/Edit                                       login     denied   denied   denied   200|404  login       denied
        POST   /Admin/Providers/{id}/Edit                                       login     denied   denied   denied   200|404  login       denied
        GET    /Admin/Users                                                     login     denied   denied   denied   200      login       denied
        GET    /Admin/Users/New                                                 login     denied   denied   denied   200      login       denied
        POST   /Admin/Users/New                                                 login     denied   denied   denied   200      login       denied
        GET    /Admin/Users/{id}/Edit                                           login     denied   denied   denied   200|404  login       denied
        POST   /Admin/Users/{id}/Edit                                           login     denied   denied   denied   200|404  login       denied
        POST   /Admin/Users/{id}/Edit?handler=Lock                              login     denied   denied   denied   posted|404 login     denied
        POST   /Admin/Users/{id}/Edit?handler=Unlock                            login     denied   denied   denied   posted|404 login     denied
        GET    /Admin/CareRelationships                                         login     denied   denied   denied   200      login       denied
        GET    /Admin/CareRelationships/New                                     login     denied   denied   denied   200      login       denied
        POST   /Admin/CareRelationships/New                                     login     denied   denied   denied   200      login       denied
        POST   /Admin/CareRelationships/New?handler=Find                        login     denied   denied   denied   200      login       denied
        GET    /Admin/CareRelationships/{id}/End                                login     denied   denied   denied   200|404  login       denied
        POST   /Admin/CareRelationships/{id}/End                                login     denied   denied   denied   200|404  login       denied
        GET    /Admin/Settings                                                  login     denied   denied   denied   200      login       denied
        GET    /Admin/Audit                                                     login     denied   denied   denied   200      login       denied
        POST   /Admin/Audit?handler=Member                                      login     denied   denied   denied   posted   login       denied
        GET    /Admin/Audit/Export                                              login     denied   denied   denied   200      login       denied
        GET    /Admin/Audit/Verify                                              login     denied   denied   denied   200      login       denied
        POST   /Admin/Settings                                                  login     denied   denied   denied   200      login       denied
        """;
}

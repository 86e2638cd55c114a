/** English messages of the RACI matrix editor. */
export const raciEn = {
  title: 'RACI matrix',
  subtitle:
    'Who is Responsible, Accountable, Consulted and Informed at each step. Routing follows it: R gets the assignment ' +
    'and the first notice, A the breach escalations, C is asked, I gets the digests.',
  loading: 'Loading the matrix…',
  loadError: 'The RACI matrix could not be loaded.',
  readOnly: 'You can see the matrix; general managers, admins and the agency can edit it.',
  notSaved: 'Not saved yet: these are the default steps of the playbook.',
  savedBy: 'Version {version}, saved by {name} on {date}.',
  savedAt: 'Version {version}, saved on {date}.',
  legend: {
    title: 'Letters',
    R: 'Responsible: does the work',
    A: 'Accountable: owns the outcome (exactly one per step)',
    C: 'Consulted: asked before deciding',
    I: 'Informed: kept up to date',
  },
  letters: { none: '—', R: 'R', A: 'A', C: 'C', I: 'I' },
  grid: {
    caption: 'Steps (rows) and parties (columns)',
    step: 'Step',
    ok: 'OK',
    stepName: 'Name of step {key}',
    partyName: 'Name of party {key}',
    cell: '{party} on {step}',
    removeStep: 'Remove step {name}',
    removeParty: 'Remove party {name}',
    members: 'Members',
    membersOf: 'Members of {name}',
    memberCount: 'no members yet ({team}) | {n} member ({team}) | {n} members ({team})',
    noTeam: 'no team',
  },
  rules: {
    exactly_one_accountable: 'Needs exactly one A (has {count}).',
    at_least_one_responsible: 'Needs at least one R.',
    unnamed: 'Every step and party needs a name.',
  },
  add: {
    step: 'Add step',
    party: 'Add party',
    stepPlaceholder: 'New step, e.g. Group quote',
    partyPlaceholder: 'New party, e.g. Spa',
  },
  party: {
    team: 'Case team',
    noTeam: 'No team',
    roles: 'Everyone holding the role',
    people: 'People',
    noPeople: 'The member list needs the members.read permission.',
    close: 'Close',
    roleNames: { viewer: 'Viewer', agent: 'Agent', supervisor: 'Supervisor', gm: 'General manager', admin: 'Admin' },
  },
  save: 'Save matrix',
  saving: 'Saving…',
  saved: 'Saved: version {version}.',
  discard: 'Discard changes',
  invalid: 'Fix the marked rows before saving.',
  errors: {
    invalid: 'The server refused the matrix: {steps}',
    stale: 'Someone else saved the matrix meanwhile (now version {version}). Discard your changes to load it.',
  },
  copy: {
    title: 'Copy to other hotels',
    hint: 'Replaces their matrices with the saved version of this one; people who do not work there are left out.',
    submit: 'Copy',
    done: 'Copied to {count} hotel(s).',
    unsaved: 'Save your changes first.',
  },
};

export type RaciMessages = typeof raciEn;

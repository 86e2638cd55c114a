/** English messages of the automations pages. */
export const automationsEn = {
  title: 'Automations',
};

export type AutomationsMessages = typeof automationsEn;

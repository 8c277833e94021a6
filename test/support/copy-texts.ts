/** A wire story in five paragraphs, for the copy tests (shared/copies). */
export const story = [
  'Russian forces shelled the city of Kherson on Tuesday morning, killing two civilians and wounding five others, the head of the regional military administration said in a statement.',
  'The strikes hit a residential district near the river port and damaged a school, a pharmacy and several apartment blocks, according to local officials who inspected the site.',
  'Emergency crews worked through the afternoon to clear debris and restore power to about three thousand households that lost electricity after a substation was hit.',
  'The city, liberated in November 2022, has been shelled almost daily from the eastern bank of the Dnipro, where Russian troops dug in after their retreat.',
  'Residents said the sirens sounded only minutes before the first explosions, leaving little time to reach shelters in basements and underground car parks.',
];

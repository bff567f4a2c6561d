using System.Runtime.CompilerServices;

// The tests check the zone mapping of Graph's custom zones directly, with daylight rules the sandbox does not send.
[assembly: InternalsVisibleTo("InterviewScheduler.Graph.Tests")]
